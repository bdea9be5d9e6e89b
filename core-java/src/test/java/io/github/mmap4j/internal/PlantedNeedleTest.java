package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One occurrence of a needle planted at every start of a range, in every kernel: the only match
 * must be found from both sides, and a range that ends one byte short of it or starts one byte past
 * it must find nothing. Random searches rarely pin a kernel down this way, because their haystacks
 * hold many matches and a scan that skips one part of a step often finds another match nearby. The
 * planted positions sweep every lane of the kernels' steps (the SWAR kernel's 32-byte steps, the
 * Vector API kernel's blocks of two and four vectors and its chunks) and their tails.
 */
class PlantedNeedleTest {
  /** Starts of the Vector API kernel's second chunk: its prelude (256) plus one chunk (16 KiB). */
  private static final int CHUNK_EDGE = 256 + (16 << 10);

  static Stream<Named<ScanKernel>> kernels() {
    return Kernels.all().stream().map(k -> Named.of(k.name(), k));
  }

  private static final byte[][] NEEDLES = {
    {'#'},
    {'#', '@'},
    "#q@".getBytes(StandardCharsets.US_ASCII),
    "#q@r!".getBytes(StandardCharsets.US_ASCII)
  };

  /** Random a..z with near misses of the needles (their bytes alone) scattered through it. */
  private static byte[] haystack(int size, long seed) {
    Random random = new Random(seed);
    byte[] hay = new byte[size];
    for (int i = 0; i < size; i++) {
      hay[i] = (byte) ('a' + random.nextInt(26));
    }
    for (int i = 0; i < size / 50; i++) {
      hay[random.nextInt(size)] = (byte) (random.nextBoolean() ? '#' : '@');
    }
    return hay;
  }

  private static long first(ScanKernel k, MemorySegment s, long from, long to, byte[] needle) {
    return needle.length == 1 ? k.indexOf(s, from, to, needle[0]) : k.find(s, from, to, needle);
  }

  private static long last(ScanKernel k, MemorySegment s, long from, long to, byte[] needle) {
    return needle.length == 1
        ? k.lastIndexOf(s, from, to, needle[0])
        : k.rfind(s, from, to, needle);
  }

  /** Plants the needle at each of {@code starts} in turn, in [from, to) of a clean haystack. */
  private static void assertFoundAtEveryStart(
      ScanKernel k, byte[] clean, int from, int to, int firstStart, int lastStart) {
    for (byte[] needle : NEEDLES) {
      byte[] hay = clean.clone();
      removeNeedleOccurrences(hay, needle);
      MemorySegment s = MemorySegment.ofArray(hay);
      int top = Math.min(lastStart, to - needle.length);
      for (int p = Math.max(firstStart, from); p <= top; p++) {
        byte[] saved = Arrays.copyOfRange(hay, p, p + needle.length);
        System.arraycopy(needle, 0, hay, p, needle.length);
        String where = "needle " + new String(needle, StandardCharsets.US_ASCII) + " at " + p;
        assertEquals(p, first(k, s, from, to, needle), "find " + where);
        assertEquals(p, last(k, s, from, to, needle), "rfind " + where);
        // The range ends inside the needle, or starts just after its start: nothing to find.
        assertEquals(-1, first(k, s, from, p + needle.length - 1, needle), "find short " + where);
        assertEquals(-1, last(k, s, from, p + needle.length - 1, needle), "rfind short " + where);
        assertEquals(-1, first(k, s, p + 1, to, needle), "find late " + where);
        assertEquals(-1, last(k, s, p + 1, to, needle), "rfind late " + where);
        System.arraycopy(saved, 0, hay, p, needle.length);
      }
    }
  }

  /** Breaks every occurrence of {@code needle} that the random bytes made by chance. */
  private static void removeNeedleOccurrences(byte[] hay, byte[] needle) {
    for (int i = 0; (i = (int) NaiveSearch.find(hay, i, hay.length, needle, true)) >= 0; i++) {
      hay[i] = 'a';
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void everyStartOfTheFirstSteps(ScanKernel k) {
    byte[] clean = haystack(1400, 1);
    for (int from : new int[] {0, 5}) {
      assertFoundAtEveryStart(k, clean, from, 1400 - from, 0, 1400);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void everyStartAroundAChunkEdgeAndAPageEdge(ScanKernel k) {
    int size = CHUNK_EDGE + 600;
    byte[] clean = haystack(size, 2);
    assertFoundAtEveryStart(k, clean, 0, size, CHUNK_EDGE - 300, CHUNK_EDGE + 300);
    assertFoundAtEveryStart(k, clean, 3, size - 1, 4096 - 80, 4096 + 80);
    assertFoundAtEveryStart(k, clean, 3, size - 1, size - 400, size);
  }

  /** A range whose last start is the first start of a chunk: a chunk with a single start. */
  @ParameterizedTest
  @MethodSource("kernels")
  void aMatchAtTheOnlyStartOfTheLastChunk(ScanKernel k) {
    for (byte[] needle : NEEDLES) {
      byte[] hay = haystack(CHUNK_EDGE + needle.length, 3);
      removeNeedleOccurrences(hay, needle);
      System.arraycopy(needle, 0, hay, CHUNK_EDGE, needle.length);
      MemorySegment s = MemorySegment.ofArray(hay);
      assertEquals(CHUNK_EDGE, first(k, s, 0, hay.length, needle), new String(needle));
      assertEquals(CHUNK_EDGE, last(k, s, 0, hay.length, needle), new String(needle));
    }
  }
}
