package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Messages.EMPTY_NEEDLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.testing.Digest;
import java.io.IOException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §5.3 and the find rows of §14: start defaults to the position, bounds clamp
 * like slice indices, an empty needle answers start (find) or end (rfind), the position never
 * moves.
 */
interface FindContract extends MapFactory {
  private Mmap ones() throws IOException {
    return map("one two ones");
  }

  private static byte[] b(String s) {
    return bytes(s);
  }

  /** CPython's test_find_end and test_rfind, the fixed cases. */
  @Test
  default void findsFirstAndLastOccurrence() throws IOException {
    Mmap m = ones();
    assertEquals(0, m.find(b("one")));
    assertEquals(8, m.find(b("ones")));
    assertEquals(8, m.rfind(b("one")));
    assertEquals(0, m.rfind(b("one ")));
  }

  @Test
  default void negativeEndCountsFromTheEnd() throws IOException {
    Mmap m = ones();
    assertEquals(0, m.find(b("one"), 0, -1));
    assertEquals(8, m.find(b("one"), 1, -1));
    assertEquals(-1, m.find(b("one"), 1, -2));
    assertEquals(8, m.rfind(b("one"), 0, -1));
    assertEquals(0, m.rfind(b("one"), 0, -2));
    assertEquals(-1, m.rfind(b("one"), 1, -2));
  }

  @Test
  default void startAfterAMatchSkipsIt() throws IOException {
    Mmap m = ones();
    assertEquals(8, m.find(b("one"), 1));
    assertEquals(8, m.rfind(b("one"), 1, -1));
  }

  @Test
  default void boundsClampToTheMap() throws IOException {
    Mmap m = ones();
    assertEquals(0, m.find(b("one"), -100));
    assertEquals(-1, m.find(b("one"), 0, -100));
    assertEquals(8, m.find(b("one"), 1, Long.MAX_VALUE));
    assertEquals(0, m.find(b("one"), Long.MIN_VALUE, Long.MAX_VALUE));
    assertEquals(8, m.rfind(b("one"), Long.MIN_VALUE, Long.MAX_VALUE));
  }

  @Test
  default void emptyNeedleFindsStartOrEnd() throws IOException {
    Mmap m = ones();
    assertEquals(0, m.find(new byte[0]));
    assertEquals(12, m.rfind(new byte[0]));
    assertEquals(11, m.find(new byte[0], -1));
    assertEquals(5, m.rfind(new byte[0], 3, 5));
  }

  /** mmap differs from bytes.find here: start beyond the end clamps to the length (gh-151021). */
  @Test
  default void emptyNeedleBeyondTheEndFindsTheLength() throws IOException {
    Mmap m = ones();
    assertEquals(12, m.find(new byte[0], 13));
    assertEquals(12, m.find(new byte[0], 100));
    assertEquals(12, m.find(new byte[0], Long.MAX_VALUE));
    assertEquals(0, m.find(new byte[0], Long.MIN_VALUE));
  }

  @Test
  default void endBeforeStartFindsNothing() throws IOException {
    Mmap m = ones();
    assertEquals(-1, m.find(new byte[0], 5, 3));
    assertEquals(-1, m.rfind(new byte[0], 5, 3));
    assertEquals(-1, m.find(b("one"), 8, 4));
  }

  @Test
  default void defaultStartIsThePosition() throws IOException {
    Mmap m = ones();
    m.seek(5);
    assertEquals(8, m.find(b("one")));
    assertEquals(-1, m.rfind(b("one ")));
    assertEquals(0, m.find(b("one"), 0));
    assertEquals(5, m.find(new byte[0]));
    assertEquals(12, m.rfind(new byte[0]));
  }

  /** §14 and the seed tutorial: after read() the default search starts at the end. */
  @Test
  default void searchAfterReadingEverythingFindsNothing() throws IOException {
    Mmap m = m10();
    m.read();
    assertEquals(-1, m.find(b("0")));
    assertEquals(-1, m.rfind(b("0")));
    assertEquals(10, m.find(new byte[0]));
  }

  @Test
  default void findDoesNotMoveThePosition() throws IOException {
    Mmap m = ones();
    m.seek(2);
    m.find(b("two"));
    m.rfind(b("one"), 0);
    assertEquals(2, m.tell());
  }

  @Test
  default void needleLikeTheWholeMapOrLonger() throws IOException {
    Mmap m = m10();
    assertEquals(0, m.find(b("0123456789")));
    assertEquals(0, m.rfind(b("0123456789")));
    assertEquals(-1, m.find(b("0123456789A")));
    assertEquals(-1, m.rfind(b("0123456789A")));
  }

  /**
   * CPython's test_find_end, exhaustive part. Digest from: {@code m.find(p, i, j) for i in
   * range(-13, 13) for j in range(-13, 13) for p in (b'o', b'on', b'two', b'ones', b's')}.
   */
  @Test
  default void findAgreesWithCpythonForAllBounds() throws IOException {
    assertEquals(
        "69343af6d73ff6952629ba5c6824ae3777e0979d1f8b67503f047c52a63576bc", boundsDigest(false));
  }

  /** As above with {@code m.rfind}; not in CPython's suite, digest printed by CPython 3.11. */
  @Test
  default void rfindAgreesWithCpythonForAllBounds() throws IOException {
    assertEquals(
        "79375f0d48554e33fc39ed68e59c14e0b1eb4b59f1e6e487781920c2091df740", boundsDigest(true));
  }

  private String boundsDigest(boolean reverse) throws IOException {
    Mmap m = ones();
    Digest digest = new Digest();
    for (int i = -13; i < 13; i++) {
      for (int j = -13; j < 13; j++) {
        for (String p : new String[] {"o", "on", "two", "ones", "s"}) {
          digest.add(reverse ? m.rfind(b(p), i, j) : m.find(b(p), i, j));
        }
      }
    }
    return digest.hex();
  }

  /**
   * The empty needle on every bound pair; digest from {@code (m.find(b'', i, j), m.rfind(b'', i,
   * j)) for i in range(-14, 14) for j in range(-14, 14)}, flattened.
   */
  @Test
  default void emptyNeedleAgreesWithCpythonForAllBounds() throws IOException {
    Mmap m = ones();
    Digest digest = new Digest();
    for (int i = -14; i < 14; i++) {
      for (int j = -14; j < 14; j++) {
        digest.add(m.find(new byte[0], i, j));
        digest.add(m.rfind(new byte[0], i, j));
      }
    }
    assertEquals("e336693a684ce0d65437d46868cf9c6580fe6c41a3a827de94e78a00d20da86c", digest.hex());
  }

  /** CPython's test_tougher_find: every substring of data with NULs, and it plus 'x'. */
  @Test
  default void findsEverySubstringOfDataWithNuls() throws IOException {
    byte[] data = b("aabaac\0deef\0\0aa\0");
    Mmap m = map(data, Access.DEFAULT);
    for (int start = 0; start <= data.length; start++) {
      for (int finish = start; finish <= data.length; finish++) {
        byte[] needle = Arrays.copyOfRange(data, start, finish);
        byte[] withX = Arrays.copyOf(needle, needle.length + 1);
        withX[needle.length] = 'x';
        assertEquals(firstIndex(data, needle), m.find(needle));
        assertEquals(-1, m.find(withX));
      }
    }
  }

  /** bytes.find from 0, the naive way: the expectation of test_tougher_find. */
  private static int firstIndex(byte[] data, byte[] needle) {
    for (int i = 0; i + needle.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * CPython's test_find_does_not_access_beyond_buffer (gh-105235), adapted: no guard pages here, so
   * the map ends in {@code 'f'} and a search for {@code "fo"} from two before the end must not look
   * past it, on sizes around page boundaries.
   */
  @Test
  default void findNearTheEndStaysInsideTheMap() throws IOException {
    for (int pages = 1; pages <= 4; pages++) {
      for (int size = pages * Mmap.PAGESIZE - 1; size <= pages * Mmap.PAGESIZE + 1; size++) {
        byte[] content = new byte[size];
        content[size - 1] = 'f';
        Mmap m = map(content, Access.DEFAULT);
        assertEquals(-1, m.find(b("fo"), -2));
        assertEquals(-1, m.rfind(b("fo"), -2));
        m.close();
      }
    }
  }

  @Test
  default void containsSearchesTheWholeMapIgnoringThePosition() throws IOException {
    Mmap m = ones();
    m.read();
    assertTrue(m.contains(b("one")));
    assertTrue(m.contains(b("s")));
    assertTrue(m.contains(new byte[0]));
    assertFalse(m.contains(b("three")));
    assertEquals(12, m.tell());
  }

  @Test
  default void findAllIndicesListsNonOverlappingMatchesIgnoringThePosition() throws IOException {
    Mmap m = map("aaaa one aaa");
    m.seek(6);
    assertArrayEquals(new long[] {0, 2, 9}, toArray(m.findAllIndices(b("aa"))));
    assertArrayEquals(new long[] {5}, toArray(m.findAllIndices(b("one"))));
    assertArrayEquals(new long[0], toArray(m.findAllIndices(b("two"))));
    assertEquals(6, m.tell());
  }

  @Test
  default void findAllIndicesRejectsTheEmptyNeedle() throws IOException {
    Mmap m = m10();
    assertFails(IllegalArgumentException.class, EMPTY_NEEDLE, () -> m.findAllIndices(new byte[0]));
  }

  private static long[] toArray(PrimitiveIterator.OfLong it) {
    LongStream.Builder all = LongStream.builder();
    it.forEachRemaining((long i) -> all.add(i));
    return all.build().toArray();
  }

  @Test
  default void findAllIndicesPastTheEndThrowsNoSuchElement() throws IOException {
    Mmap m = map("one two ones");
    PrimitiveIterator.OfLong found = m.findAllIndices(b("ones"));
    assertEquals(8, found.nextLong());
    assertFalse(found.hasNext());
    assertThrows(NoSuchElementException.class, found::nextLong);
  }
}
