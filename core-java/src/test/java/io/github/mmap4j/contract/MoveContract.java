package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.MOVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §5.6: move is memmove (overlap-safe), needs {@code dest + count} and {@code src
 * + count} inside the map with nothing negative, and leaves the position alone.
 */
interface MoveContract extends MapFactory {
  private static void assertOutOfRange(Mmap m, long dest, long src, long count) {
    assertFails(IllegalArgumentException.class, MOVE, () -> m.move(dest, src, count));
  }

  /** CPython's test_move (a). */
  @Test
  default void moveCopiesWithinTheMap() throws IOException {
    Mmap m = map("ABCDEabcde");
    m.move(5, 0, 5);
    assertEquals("ABCDEABCDE", str(m.slice(0, 10)));
  }

  @Test
  default void moveHandlesOverlapBothWays() throws IOException {
    Mmap m = m10();
    m.move(1, 0, 9);
    assertEquals("0012345678", str(m.slice(0, 10)));
    m.setSlice(0, 10, bytes("0123456789"));
    m.move(0, 1, 9);
    assertEquals("1234567899", str(m.slice(0, 10)));
  }

  /** CPython's test_move (b): every dest, src and fitting count, against a fresh copy. */
  @Test
  default void moveAgreesWithMemmoveEverywhere() throws IOException {
    Mmap m = m10();
    for (int dest = 0; dest < 10; dest++) {
      for (int src = 0; src < 10; src++) {
        for (int count = 0; count < 10 - Math.max(dest, src); count++) {
          assertMoveLikeMemmove(m, dest, src, count);
        }
      }
    }
  }

  private static void assertMoveLikeMemmove(Mmap m, int dest, int src, int count) {
    String data = "0123456789";
    m.setSlice(0, 10, bytes(data));
    m.move(dest, src, count);
    String expected =
        data.substring(0, dest) + data.substring(src, src + count) + data.substring(dest + count);
    assertEquals(expected, str(m.slice(0, 10)), "move(" + dest + ", " + src + ", " + count + ")");
  }

  /** CPython's test_move (c), made exact: each triple either moves or is the range error. */
  @Test
  default void moveRangeRuleOnEveryTriple() throws IOException {
    Mmap m = map(new byte[100], Access.DEFAULT);
    long[] values = {-100, -1, 0, 1, 100};
    for (long dest : values) {
      for (long src : values) {
        for (long count : values) {
          moveOrRangeError(m, dest, src, count);
        }
      }
    }
  }

  /** The rule of mmap_move_method: nothing negative, both ranges inside the 100-byte map. */
  private static void moveOrRangeError(Mmap m, long dest, long src, long count) {
    boolean fits = dest >= 0 && src >= 0 && count >= 0 && 100 - dest >= count && 100 - src >= count;
    if (fits) {
      m.move(dest, src, count);
    } else {
      assertOutOfRange(m, dest, src, count);
    }
  }

  /** CPython's test_move (d): a one-byte map. */
  @Test
  default void moveOnAOneByteMap() throws IOException {
    Mmap m = map(bytes("x"), Access.DEFAULT);
    assertOutOfRange(m, 0, 0, 2);
    assertOutOfRange(m, 1, 0, 1);
    assertOutOfRange(m, 0, 1, 1);
    m.move(0, 0, 1);
    m.move(0, 0, 0);
    assertEquals("x", str(m.slice(0, 1)));
  }

  /** §14: the empty moves at the edges are legal. */
  @Test
  default void moveUpToTheEdges() throws IOException {
    Mmap m = m10();
    m.move(0, 0, 10);
    m.move(10, 0, 0);
    m.move(0, 10, 0);
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  /** §14: move(0,0,11), move(11,0,0), move(-1,0,1), move(5,0,sys.maxsize). */
  @Test
  default void moveOutsideTheMapFails() throws IOException {
    Mmap m = m10();
    assertOutOfRange(m, 0, 0, 11);
    assertOutOfRange(m, 11, 0, 0);
    assertOutOfRange(m, -1, 0, 1);
    assertOutOfRange(m, 5, 0, Long.MAX_VALUE);
    assertOutOfRange(m, 0, Long.MAX_VALUE, 0);
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  @Test
  default void moveDoesNotMoveThePosition() throws IOException {
    Mmap m = m10();
    m.seek(3);
    m.move(0, 5, 5);
    assertEquals(3, m.tell());
    assertEquals("5678956789", str(m.slice(0, 10)));
  }

  @Test
  default void moveWorksOnCopyMaps() throws IOException {
    Mmap m = map(bytes("0123456789"), Access.COPY);
    m.move(0, 5, 5);
    assertEquals("5678956789", str(m.slice(0, 10)));
  }
}
