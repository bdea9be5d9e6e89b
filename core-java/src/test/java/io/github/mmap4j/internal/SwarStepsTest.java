package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SWAR kernel's step filters against their contracts, one by one: a step (32 bytes, or 32
 * starts for a pair of filter bytes) is reported exactly when it holds a match, and the step
 * scanners return the first (or, downwards, the last) such step. The searches built on them verify
 * every candidate, so a filter that reports too much only costs time; these tests hold the filters
 * to their exact answers, which is what makes them fast.
 */
class SwarStepsTest {
  private static final int STEP = 32;
  private static final byte B1 = '#';
  private static final byte B2 = '@';
  private static final long P1 = SwarKernel.broadcast(B1);
  private static final long P2 = SwarKernel.broadcast(B2);

  /** Random a..d with the filter bytes planted at a few random places (or none). */
  private static byte[] haystack(Random random, int size) {
    byte[] hay = new byte[size];
    for (int i = 0; i < size; i++) {
      hay[i] = (byte) ('a' + random.nextInt(4));
    }
    int plants = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
    for (int j = 0; j < plants; j++) {
      hay[random.nextInt(size)] = random.nextBoolean() ? B1 : B2;
    }
    return hay;
  }

  private static boolean holdsByte(byte[] hay, int at, int length, byte b) {
    for (int i = at; i < at + length; i++) {
      if (hay[i] == b) {
        return true;
      }
    }
    return false;
  }

  private static boolean pairAt(byte[] hay, int start, int o1, int o2) {
    return hay[start + o1] == B1 && hay[start + o2] == B2;
  }

  private static boolean holdsPair(byte[] hay, int at, int starts, int o1, int o2) {
    for (int q = at; q < at + starts; q++) {
      if (pairAt(hay, q, o1, o2)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void byteStepReportsExactlyTheStepsThatHoldTheByte() {
    Random random = new Random(11);
    for (int round = 0; round < 3000; round++) {
      byte[] hay = haystack(random, 64);
      MemorySegment s = MemorySegment.ofArray(hay);
      for (int at = 0; at + STEP <= hay.length; at += 1 + random.nextInt(8)) {
        assertEquals(holdsByte(hay, at, STEP, B1), SwarKernel.byteStepHits(s, at, P1), "at " + at);
      }
    }
  }

  @Test
  void pairStepAndPairBlockReportExactlyTheStartsWhereBothBytesMatch() {
    Random random = new Random(12);
    for (int round = 0; round < 3000; round++) {
      byte[] hay = haystack(random, 96);
      int o1 = random.nextInt(5);
      int o2 = random.nextInt(5);
      if (o1 == o2) {
        continue;
      }
      MemorySegment s = MemorySegment.ofArray(hay);
      for (int at = 0; at + STEP + Math.max(o1, o2) + 8 <= hay.length; at++) {
        String where = "at " + at + ", offsets " + o1 + " and " + o2;
        assertEquals(
            holdsPair(hay, at, STEP, o1, o2),
            SwarKernel.pairStepHits(s, at, o1, o2, P1, P2),
            "step " + where);
        long mask = SwarKernel.pairBlock(s, at, o1, o2, P1, P2);
        int firstFlag = mask == 0 ? -1 : Long.numberOfTrailingZeros(mask) >>> 3;
        int firstMatch = -1;
        for (int k = 7; k >= 0; k--) {
          firstMatch = pairAt(hay, at + k, o1, o2) ? k : firstMatch;
        }
        assertEquals(firstMatch, firstFlag, "block " + where);
      }
    }
  }

  @Test
  void byteStepScannersStopAtTheFirstStepThatHoldsTheByte() {
    Random random = new Random(13);
    for (int round = 0; round < 400; round++) {
      int size = 64 + random.nextInt(3 * ScanKernel.POLL_INTERVAL);
      byte[] hay = haystack(random, size);
      MemorySegment s = MemorySegment.ofArray(hay);
      int from = random.nextInt(size / 2);
      long lastStep = size - STEP - random.nextInt(STEP);
      long expectedUp = from;
      while (expectedUp <= lastStep && !holdsByte(hay, (int) expectedUp, STEP, B1)) {
        expectedUp += STEP;
      }
      assertEquals(expectedUp, SwarKernel.nextByteStep(s, from, lastStep, P1), "up from " + from);
      // Downwards: step ends to, to - 32, ... while the end is at least `lowest`.
      long to = size - random.nextInt(size / 2);
      long lowest = STEP + random.nextInt(size / 2);
      long expectedDown = to;
      while (expectedDown >= lowest && !holdsByte(hay, (int) expectedDown - STEP, STEP, B1)) {
        expectedDown -= STEP;
      }
      assertEquals(expectedDown, SwarKernel.previousByteStep(s, to, lowest, P1), "down from " + to);
    }
  }

  @Test
  void pairStepScannersStopAtTheFirstStepThatHoldsAMatch() {
    Random random = new Random(14);
    for (int round = 0; round < 400; round++) {
      int size = 128 + random.nextInt(3 * ScanKernel.POLL_INTERVAL);
      byte[] hay = haystack(random, size);
      // Dense pairs, so that steps with matches turn up in every page.
      for (int j = 0; j < size / 300; j++) {
        int q = random.nextInt(size - 8);
        hay[q] = B1;
        hay[q + 2] = B2;
      }
      int o1 = 0;
      int o2 = 2;
      MemorySegment s = MemorySegment.ofArray(hay);
      long lastStep = size - STEP - 8 - random.nextInt(STEP);
      int from = random.nextInt((int) lastStep);
      long expectedUp = from;
      while (expectedUp <= lastStep && !holdsPair(hay, (int) expectedUp, STEP, o1, o2)) {
        expectedUp += STEP;
      }
      assertEquals(
          expectedUp, SwarKernel.nextPairStep(s, from, lastStep, o1, o2, P1, P2), "up " + from);
      long top = lastStep + STEP - random.nextInt(size / 2);
      long lowest = STEP + random.nextInt(size / 2);
      long expectedDown = top;
      while (expectedDown >= lowest && !holdsPair(hay, (int) expectedDown - STEP, STEP, o1, o2)) {
        expectedDown -= STEP;
      }
      assertEquals(
          expectedDown,
          SwarKernel.previousPairStep(s, top, lowest, o1, o2, P1, P2),
          "down from " + top);
    }
  }

  /**
   * A last step that is also the first step of a page: the scanners check it when they come back
   * from the page before (no step holds the byte, so they return the first step past the range).
   */
  @Test
  void stepScannersCheckALastStepThatStartsAPage() {
    int page = ScanKernel.POLL_INTERVAL;
    byte[] hay = new byte[3 * page];
    java.util.Arrays.fill(hay, (byte) 'a');
    MemorySegment s = MemorySegment.ofArray(hay);
    assertEquals(page + STEP, SwarKernel.nextByteStep(s, 0, page, P1));
    assertEquals(page + STEP, SwarKernel.nextPairStep(s, 0, page, 0, 2, P1, P2));
    assertEquals(page - STEP, SwarKernel.previousByteStep(s, 2L * page, page, P1));
    assertEquals(page - STEP, SwarKernel.previousPairStep(s, 2L * page, page, 0, 2, P1, P2));
    // The same steps holding a match are found.
    hay[page + 5] = B1;
    hay[page + 7] = B2;
    assertEquals(page, SwarKernel.nextByteStep(s, 0, page, P1));
    assertEquals(page, SwarKernel.nextPairStep(s, 0, page, 0, 2, P1, P2));
    hay[page + 5] = 'a';
    hay[page + 7] = 'a';
    hay[page - 20] = B1;
    hay[page - 18] = B2;
    assertEquals(page, SwarKernel.previousByteStep(s, 2L * page, page, P1));
    assertEquals(page, SwarKernel.previousPairStep(s, 2L * page, page, 0, 2, P1, P2));
  }

  @Test
  void describesItselfAsSixtyFourBitWords() {
    assertEquals("swar", SwarKernel.INSTANCE.name());
    assertEquals(Long.SIZE, SwarKernel.INSTANCE.width());
    assertEquals(
        "SWAR kernel (64-bit words, 32 bytes per step)", SwarKernel.INSTANCE.description());
  }
}
