package io.github.mmap4j.samples;

/**
 * Counts of latencies in nanoseconds, in buckets whose width is at most 1/64 of the values in them:
 * exact below 128 ns, within 1.6% above. A few thousand counters hold any number of latencies, so a
 * run of a billion records needs no more memory than one of a thousand. Negative latencies (clocks
 * that are not shared) are counted apart.
 */
final class LatencyHistogram {
  /**
   * Bits of a value kept in its bucket's index: buckets of width 2^(e - 6) for values in [2^e,
   * 2^(e+1)).
   */
  private static final int PRECISION = 7;

  private static final int HALF = 1 << (PRECISION - 1);

  private final long[] counts = new long[(64 - PRECISION + 2) * HALF];
  private long count;
  private long max = Long.MIN_VALUE;
  private long negative;

  /** Adds one latency. */
  void record(long nanos) {
    if (nanos < 0) {
      negative++;
      return;
    }
    counts[bucket(nanos)]++;
    count++;
    max = Math.max(max, nanos);
  }

  /** The latencies recorded, not counting negative ones. */
  long count() {
    return count;
  }

  /** The latencies below 0: each is a send time from a clock the consumer does not share. */
  long negative() {
    return negative;
  }

  /** The largest latency, exactly; 0 if none. */
  long max() {
    return count == 0 ? 0 : max;
  }

  /**
   * The latency that {@code fraction} of the recorded ones do not exceed (0.5 is the median), to
   * the bucket's width; 0 if none.
   */
  long percentile(double fraction) {
    long rank = Math.max(1, (long) Math.ceil(fraction * count));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(highest(i), max);
      }
    }
    return max();
  }

  private static int bucket(long value) {
    if (value < 2 * HALF) {
      return (int) value;
    }
    int top = 63 - Long.numberOfLeadingZeros(value);
    int shift = top - PRECISION + 1;
    return (shift + 1) * HALF + (int) (value >>> shift) - HALF;
  }

  /** The highest value that falls into bucket {@code i}. */
  private static long highest(int i) {
    if (i < 2 * HALF) {
      return i;
    }
    int shift = i / HALF - 1;
    long low = (long) (i % HALF + HALF) << shift;
    return low + (1L << shift) - 1;
  }
}
