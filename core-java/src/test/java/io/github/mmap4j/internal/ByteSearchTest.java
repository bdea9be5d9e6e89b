package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ByteSearch against a naive search, on random ranges of random data over small alphabets (so that
 * candidates pile up and the Knuth–Morris–Pratt fallback runs) and near every alignment.
 */
class ByteSearchTest {
  private static final long SEED = 0x5EA2C4L;

  private static void assertAgrees(Random random, int size, int alphabet) {
    byte[] hay = new byte[size];
    for (int i = 0; i < size; i++) {
      hay[i] = (byte) ('a' + random.nextInt(alphabet));
    }
    MemorySegment s = MemorySegment.ofArray(hay);
    int from = random.nextInt(size + 1);
    int to = from + random.nextInt(size - from + 1);
    int length = 1 + random.nextInt(Math.min(12, size));
    byte[] needle = new byte[length];
    int at = random.nextInt(size - length + 1);
    System.arraycopy(hay, at, needle, 0, length);
    if (random.nextBoolean()) {
      needle[length - 1] = (byte) ('a' + random.nextInt(alphabet + 1));
    }
    String where = "size " + size + " [" + from + "," + to + ") needle " + new String(needle);
    for (boolean forward : new boolean[] {true, false}) {
      long expected = NaiveSearch.find(hay, from, to, needle, forward);
      long actual;
      if (length == 1) {
        actual =
            forward
                ? ByteSearch.indexOf(s, from, to, needle[0])
                : ByteSearch.lastIndexOf(s, from, to, needle[0]);
      } else {
        actual =
            forward ? ByteSearch.find(s, from, to, needle) : ByteSearch.rfind(s, from, to, needle);
      }
      assertEquals(expected, actual, (forward ? "find " : "rfind ") + where);
    }
  }

  @Test
  void agreesWithNaiveSearchOnRandomSmallCases() {
    Random random = new Random(SEED);
    for (int round = 0; round < 20_000; round++) {
      assertAgrees(random, 1 + random.nextInt(80), 1 + random.nextInt(4));
    }
  }

  @Test
  void agreesWithNaiveSearchOnLargerRepetitiveData() {
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 300; round++) {
      assertAgrees(random, 2000 + random.nextInt(3000), 1 + random.nextInt(2));
    }
  }

  @Test
  void nearMissNeedleInARepetitiveHaystackIsNotFound() {
    byte[] hay = new byte[4 << 20];
    java.util.Arrays.fill(hay, (byte) 'a');
    byte[] needle = ("a".repeat(63) + "b").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    MemorySegment s = MemorySegment.ofArray(hay);
    // Every position is a candidate: this runs the Knuth–Morris–Pratt fallback both ways.
    assertEquals(-1, ByteSearch.find(s, 0, hay.length, needle));
    assertEquals(-1, ByteSearch.rfind(s, 0, hay.length, needle));
  }
}
