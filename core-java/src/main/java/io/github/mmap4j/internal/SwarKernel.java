package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The portable kernel: SWAR ("SIMD within a register") arithmetic on 64-bit words, 32 bytes (four
 * words) per step and one branch per step.
 *
 * <p>A single byte is found with the classic zero-byte test on {@code word ^ broadcast(b)}. A
 * needle of two or more bytes is filtered on two of its rarest bytes ({@link RarePair}) at needle
 * offsets {@code o1} and {@code o2}, eight candidate starts per word as in Wojciech Muła's SWAR
 * {@code strstr}: the word at {@code i + o2} is XORed with the second byte's broadcast, ORed with
 * the word at {@code i + o1} XORed with the first byte's, and one zero-byte test on the result
 * flags every start where both bytes match. Candidates are verified by {@link Needle#matchesAt}.
 * When verifications outrun the filter (common bytes in repetitive data), the rest of the range
 * goes to {@link Kmp} ({@link VerifyBudget}), so the worst case stays linear.
 */
final class SwarKernel implements ScanKernel {
  static final SwarKernel INSTANCE = new SwarKernel();

  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGHS = 0x8080808080808080L;
  private static final int STEP = 32;

  /** Bytes {@link #indexOfByte} checks word by word before it sets up its stepped scan. */
  private static final int NEAR = 64;

  private SwarKernel() {}

  @Override
  public String name() {
    return "swar";
  }

  @Override
  public String description() {
    return "SWAR kernel (64-bit words, " + STEP + " bytes per step)";
  }

  @Override
  public int width() {
    return Long.SIZE;
  }

  static long broadcast(byte b) {
    return (b & 0xFFL) * ONES;
  }

  /**
   * High bit set in every zero byte of {@code x}, and possibly in bytes right above a zero byte.
   */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /** High bit set in exactly the zero bytes of {@code x}. */
  private static long exactZeroBytes(long x) {
    return ~(((x & LOWS) + LOWS) | x | LOWS);
  }

  // --- single bytes ------------------------------------------------------------------------------

  @Override
  public long indexOf(MemorySegment s, long from, long to, byte b) {
    return indexOfByte(s, from, to, b);
  }

  static long indexOfByte(MemorySegment s, long from, long to, byte b) {
    long pattern = broadcast(b);
    // Short distances first (readLine's lines): word by word, no step set-up and no fault poll.
    long i = from;
    long near = Math.min(to, from + NEAR);
    for (; i + 8 <= near; i += 8) {
      long m = zeroBytes(s.get(WORD, i) ^ pattern);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    i = nextByteStep(s, i, to - STEP, pattern);
    for (; i + 8 <= to; i += 8) {
      long m = zeroBytes(s.get(WORD, i) ^ pattern);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3); // the lowest flag is never a false one
      }
    }
    for (; i < to; i++) {
      if (s.get(ValueLayout.JAVA_BYTE, i) == b) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public long lastIndexOf(MemorySegment s, long from, long to, byte b) {
    return lastIndexOfByte(s, from, to, b);
  }

  static long lastIndexOfByte(MemorySegment s, long from, long to, byte b) {
    long pattern = broadcast(b);
    long i = previousByteStep(s, to, from + STEP, pattern);
    for (; i - 8 >= from; i -= 8) {
      long m = exactZeroBytes(s.get(WORD, i - 8) ^ pattern);
      if (m != 0) {
        return i - 8 + ((63 - Long.numberOfLeadingZeros(m)) >>> 3);
      }
    }
    for (long j = i - 1; j >= from; j--) {
      if (s.get(ValueLayout.JAVA_BYTE, j) == b) {
        return j;
      }
    }
    return -1;
  }

  /** Whether the 32 bytes at {@code at} hold the byte of {@code pattern} (no false answers). */
  static boolean byteStepHits(MemorySegment s, long at, long pattern) {
    long x0 = s.get(WORD, at) ^ pattern;
    long x1 = s.get(WORD, at + 8) ^ pattern;
    long x2 = s.get(WORD, at + 16) ^ pattern;
    long x3 = s.get(WORD, at + 24) ^ pattern;
    return ((((x0 - ONES) & ~x0) | ((x1 - ONES) & ~x1) | ((x2 - ONES) & ~x2) | ((x3 - ONES) & ~x3))
            & HIGHS)
        != 0;
  }

  /**
   * The first of {@code from, from + 32, … <= lastStep} whose 32 bytes hold the byte, or the first
   * such start above {@code lastStep}. Polls the fault barrier after the first step of each page.
   */
  static long nextByteStep(MemorySegment s, long from, long lastStep, long pattern) {
    long i = from;
    while (i <= lastStep) {
      if (byteStepHits(s, i, pattern)) {
        return i;
      }
      FaultBarrier.poll();
      long pageLast = PollSchedule.lastStepOfPage(i, lastStep);
      for (i += STEP; i <= pageLast; i += STEP) {
        if (byteStepHits(s, i, pattern)) {
          return i;
        }
      }
    }
    return i;
  }

  /**
   * Downwards: the first of {@code to, to - 32, … >= lowest} whose 32 bytes below it hold the byte,
   * or the first such end below {@code lowest}.
   */
  static long previousByteStep(MemorySegment s, long to, long lowest, long pattern) {
    long i = to;
    while (i >= lowest) {
      if (byteStepHits(s, i - STEP, pattern)) {
        return i;
      }
      FaultBarrier.poll();
      long pageLowest = PollSchedule.lowestStepOfPage(i, lowest);
      for (i -= STEP; i >= pageLowest; i -= STEP) {
        if (byteStepHits(s, i - STEP, pattern)) {
          return i;
        }
      }
    }
    return i;
  }

  // --- needles of two or more bytes --------------------------------------------------------------

  @Override
  public long find(MemorySegment s, long from, long to, byte[] needle) {
    return find(s, from, to, Needle.of(needle));
  }

  @Override
  public long rfind(MemorySegment s, long from, long to, byte[] needle) {
    return rfind(s, from, to, Needle.of(needle));
  }

  static long find(MemorySegment s, long from, long to, Needle n) {
    long lastStart = to - n.length;
    if (lastStart < from) {
      return -1;
    }
    long o1 = n.pair.first();
    long o2 = n.pair.second();
    long p1 = n.pair.firstWord();
    long p2 = n.pair.secondWord();
    long budget = VerifyBudget.INITIAL;
    long lastStep = lastStart - (STEP - 1);
    long i = from;
    while (true) {
      long step = nextPairStep(s, i, lastStep, o1, o2, p1, p2);
      if (step > lastStep) {
        i = step;
        break;
      }
      budget = VerifyBudget.earn(budget, step - i);
      for (long block = step; block < step + STEP; block += 8) {
        long mask = pairBlock(s, block, o1, o2, p1, p2);
        while (mask != 0) {
          long candidate = block + (Long.numberOfTrailingZeros(mask) >>> 3);
          if (n.matchesAt(s, candidate)) {
            return candidate;
          }
          mask &= mask - 1;
          budget = VerifyBudget.spend(budget);
          if (VerifyBudget.exhausted(budget)) {
            return Kmp.forward(s, candidate + 1, to, n.bytes);
          }
        }
      }
      i = step + STEP;
    }
    // Fewer than STEP starts remain: blocks of eight, then single starts.
    for (; i <= lastStart - 7; i += 8) {
      long mask = pairBlock(s, i, o1, o2, p1, p2);
      while (mask != 0) {
        long candidate = i + (Long.numberOfTrailingZeros(mask) >>> 3);
        if (n.matchesAt(s, candidate)) {
          return candidate;
        }
        mask &= mask - 1;
      }
    }
    for (; i <= lastStart; i++) {
      if (n.matchesAt(s, i)) {
        return i;
      }
    }
    return -1;
  }

  static long rfind(MemorySegment s, long from, long to, Needle n) {
    long lastStart = to - n.length;
    if (lastStart < from) {
      return -1;
    }
    long o1 = n.pair.first();
    long o2 = n.pair.second();
    long p1 = n.pair.firstWord();
    long p2 = n.pair.secondWord();
    long budget = VerifyBudget.INITIAL;
    long lowest = from + STEP;
    long top = lastStart + 1; // starts at and above top are done
    while (true) {
      long step = previousPairStep(s, top, lowest, o1, o2, p1, p2);
      if (step < lowest) {
        top = step;
        break;
      }
      budget = VerifyBudget.earn(budget, top - step);
      for (long block = step - 8; block >= step - STEP; block -= 8) {
        long mask = pairBlock(s, block, o1, o2, p1, p2);
        while (mask != 0) {
          int bit = 63 - Long.numberOfLeadingZeros(mask);
          long candidate = block + (bit >>> 3);
          if (n.matchesAt(s, candidate)) {
            return candidate;
          }
          mask ^= 1L << bit;
          budget = VerifyBudget.spend(budget);
          if (VerifyBudget.exhausted(budget)) {
            return Kmp.backward(s, from, candidate - 1 + n.length, n.bytes);
          }
        }
      }
      top = step - STEP;
    }
    for (; top - 8 >= from; top -= 8) {
      long block = top - 8;
      long mask = pairBlock(s, block, o1, o2, p1, p2);
      while (mask != 0) {
        int bit = 63 - Long.numberOfLeadingZeros(mask);
        long candidate = block + (bit >>> 3);
        if (n.matchesAt(s, candidate)) {
          return candidate;
        }
        mask ^= 1L << bit;
      }
    }
    for (long j = top - 1; j >= from; j--) {
      if (n.matchesAt(s, j)) {
        return j;
      }
    }
    return -1;
  }

  /** High bits of the starts in {@code [block, block + 8)} that match on both filter bytes. */
  static long pairBlock(MemorySegment s, long block, long o1, long o2, long p1, long p2) {
    return zeroBytes((s.get(WORD, block + o1) ^ p1) | (s.get(WORD, block + o2) ^ p2));
  }

  /** Whether a start in {@code [at, at + 32)} matches both filter bytes (no false answers). */
  static boolean pairStepHits(MemorySegment s, long at, long o1, long o2, long p1, long p2) {
    long a = at + o1;
    long b = at + o2;
    long x0 = (s.get(WORD, a) ^ p1) | (s.get(WORD, b) ^ p2);
    long x1 = (s.get(WORD, a + 8) ^ p1) | (s.get(WORD, b + 8) ^ p2);
    long x2 = (s.get(WORD, a + 16) ^ p1) | (s.get(WORD, b + 16) ^ p2);
    long x3 = (s.get(WORD, a + 24) ^ p1) | (s.get(WORD, b + 24) ^ p2);
    return ((((x0 - ONES) & ~x0) | ((x1 - ONES) & ~x1) | ((x2 - ONES) & ~x2) | ((x3 - ONES) & ~x3))
            & HIGHS)
        != 0;
  }

  /** Like {@link #nextByteStep}, for the filter pair; steps cover starts {@code [i, i + 32)}. */
  static long nextPairStep(
      MemorySegment s, long from, long lastStep, long o1, long o2, long p1, long p2) {
    long i = from;
    while (i <= lastStep) {
      if (pairStepHits(s, i, o1, o2, p1, p2)) {
        return i;
      }
      FaultBarrier.poll();
      long pageLast = PollSchedule.lastStepOfPage(i, lastStep);
      for (i += STEP; i <= pageLast; i += STEP) {
        if (pairStepHits(s, i, o1, o2, p1, p2)) {
          return i;
        }
      }
    }
    return i;
  }

  /**
   * Like {@link #previousByteStep}, for the filter pair; steps cover starts {@code [t - 32, t)}.
   */
  static long previousPairStep(
      MemorySegment s, long top, long lowest, long o1, long o2, long p1, long p2) {
    long t = top;
    while (t >= lowest) {
      if (pairStepHits(s, t - STEP, o1, o2, p1, p2)) {
        return t;
      }
      FaultBarrier.poll();
      long pageLowest = PollSchedule.lowestStepOfPage(t, lowest);
      for (t -= STEP; t >= pageLowest; t -= STEP) {
        if (pairStepHits(s, t - STEP, o1, o2, p1, p2)) {
          return t;
        }
      }
    }
    return t;
  }
}
