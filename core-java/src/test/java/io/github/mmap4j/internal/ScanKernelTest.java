package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel (SWAR always, Vector API when its module is present) against a naive search: random
 * ranges of random data over small alphabets (candidates pile up and the Knuth–Morris–Pratt
 * fallback runs), needles of 1 to 100 bytes at both ends of a range, every short range and
 * alignment.
 */
class ScanKernelTest {
  private static final long SEED = 0x5CA4L;

  static Stream<Named<ScanKernel>> kernels() {
    return Kernels.all().stream().map(k -> Named.of(k.name(), k));
  }

  private static long search(
      ScanKernel k, MemorySegment s, long from, long to, byte[] needle, boolean forward) {
    if (needle.length == 1) {
      return forward ? k.indexOf(s, from, to, needle[0]) : k.lastIndexOf(s, from, to, needle[0]);
    }
    return forward ? k.find(s, from, to, needle) : k.rfind(s, from, to, needle);
  }

  private static void assertAgrees(ScanKernel k, byte[] hay, int from, int to, byte[] needle) {
    MemorySegment s = MemorySegment.ofArray(hay);
    for (boolean forward : new boolean[] {true, false}) {
      long expected = NaiveSearch.find(hay, from, to, needle, forward);
      String where =
          (forward ? "find " : "rfind ")
              + Arrays.toString(needle)
              + " in ["
              + from
              + ", "
              + to
              + ") of "
              + hay.length;
      assertEquals(expected, search(k, s, from, to, needle, forward), where);
    }
  }

  private static byte[] randomBytes(Random random, int size, int alphabet) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + random.nextInt(alphabet));
    }
    return bytes;
  }

  private static void assertAgreesOnRandomCase(ScanKernel k, Random random, int size, int alpha) {
    byte[] hay = randomBytes(random, size, alpha);
    int from = random.nextInt(size + 1);
    int to = from + random.nextInt(size - from + 1);
    int length = 1 + random.nextInt(Math.min(40, size));
    byte[] needle = new byte[length];
    int at = random.nextInt(size - length + 1);
    System.arraycopy(hay, at, needle, 0, length);
    if (random.nextBoolean()) {
      needle[random.nextInt(length)] = (byte) ('a' + random.nextInt(alpha + 1));
    }
    assertAgrees(k, hay, from, to, needle);
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void agreesWithNaiveSearchOnRandomCases(ScanKernel k) {
    Random random = new Random(SEED);
    for (int round = 0; round < 20_000; round++) {
      assertAgreesOnRandomCase(k, random, 1 + random.nextInt(600), 1 + random.nextInt(4));
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void agreesWithNaiveSearchOnLargerRepetitiveData(ScanKernel k) {
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 300; round++) {
      assertAgreesOnRandomCase(k, random, 2000 + random.nextInt(9000), 1 + random.nextInt(2));
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void needlesOfOneToHundredBytesAtBothEndsOfTheRange(ScanKernel k) {
    Random random = new Random(SEED + 2);
    for (int length = 1; length <= 100; length++) {
      for (int from : new int[] {0, 1, 7, 13, 64}) {
        int to = from + length + 300 + random.nextInt(300);
        byte[] hay = randomBytes(random, to + 5, 26);
        byte[] needle = new byte[length];
        for (int j = 0; j < length; j++) {
          needle[j] = (byte) (0x80 + random.nextInt(128)); // never in the haystack's a..z
        }
        System.arraycopy(needle, 0, hay, from, length);
        System.arraycopy(needle, 0, hay, to - length, length);
        MemorySegment s = MemorySegment.ofArray(hay);
        assertEquals(from, search(k, s, from, to, needle, true), "find length " + length);
        assertEquals(to - length, search(k, s, from, to, needle, false), "rfind " + length);
        // One byte less on either side: the occurrence at that end is out of the range.
        assertEquals(to - length, search(k, s, from + 1, to, needle, true), "find " + length);
        assertEquals(from, search(k, s, from, to - 1, needle, false), "rfind " + length);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void everyShortRangeAtEveryAlignment(ScanKernel k) {
    byte[] hay = randomBytes(new Random(SEED + 3), 400, 3);
    byte[][] needles = {{'a'}, {'c'}, {'a', 'b'}, "cab".getBytes(StandardCharsets.US_ASCII)};
    for (int from = 0; from < 200; from++) {
      for (int to = from; to <= from + 200; to++) {
        for (byte[] needle : needles) {
          assertAgrees(k, hay, from, to, needle);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void nearMissNeedleInARepetitiveHaystackIsNotFound(ScanKernel k) {
    byte[] hay = "ab".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    byte[] needle = ("ab".repeat(20) + "b").getBytes(StandardCharsets.US_ASCII);
    MemorySegment s = MemorySegment.ofArray(hay);
    // A candidate at every other start, each failing at the last byte: Knuth–Morris–Pratt runs.
    assertEquals(-1, k.find(s, 0, hay.length, needle));
    assertEquals(-1, k.rfind(s, 0, hay.length, needle));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void fallbackFindsTheMatchAtTheVeryEndsOfTheRange(ScanKernel k) {
    int from = 1000;
    int to = 300_001; // odd: the needle ending at it starts on an "a"
    byte[] hay = "ab".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
    byte[] needle = ("ab".repeat(20) + "b").getBytes(StandardCharsets.US_ASCII);
    hay[from + 40] = 'b'; // the needle now starts exactly at from
    MemorySegment s = MemorySegment.ofArray(hay);
    assertEquals(from, k.rfind(s, from, to, needle));
    assertEquals(from, k.find(s, from, to, needle));
    hay[from + 40] = 'a';
    hay[to - 1] = 'b'; // and now it ends exactly at to
    assertEquals(to - needle.length, k.find(s, from, to, needle));
    assertEquals(to - needle.length, k.rfind(s, from, to, needle));
    assertEquals(-1, k.find(s, from, to - 1, needle));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void describesItselfWithTheWidthOfItsLoads(ScanKernel k) {
    int width = k.width();
    assertTrue(
        width == Long.SIZE || width >= 128, k.name() + " reads " + width + " bits at a time");
    assertTrue(k.description().contains(width + "-bit"), k.description());
  }
}
