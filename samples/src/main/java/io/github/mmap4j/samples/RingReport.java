package io.github.mmap4j.samples;

import io.github.mmap4j.Mmap;

/**
 * What the consumer found, as it leaves it in the ring file for the parent: counts from its {@link
 * SequenceTally}, latency percentiles from its {@link LatencyHistogram}, all in nanoseconds.
 *
 * @param received records taken from the ring
 * @param lost sequence numbers never seen intact
 * @param duplicated intact records whose number came before
 * @param checksumFailures records whose checksum did not match
 * @param unexpected intact records numbered outside the run
 * @param negativeLatencies records sent "after" they were received: the clocks are not shared
 * @param receivingNanos from the consumer's first sight of a record to its last, on its own clock
 * @param p50 the median latency
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest latency
 */
record RingReport(
    long received,
    long lost,
    long duplicated,
    long checksumFailures,
    long unexpected,
    long negativeLatencies,
    long receivingNanos,
    long p50,
    long p90,
    long p99,
    long p999,
    long max) {

  /** The report of a consumer that kept {@code tally} and {@code latencies}. */
  static RingReport of(SequenceTally tally, LatencyHistogram latencies, long receivingNanos) {
    return new RingReport(
        tally.received(),
        tally.lost(),
        tally.duplicated(),
        tally.checksumFailures(),
        tally.unexpected(),
        latencies.negative(),
        receivingNanos,
        latencies.percentile(0.5),
        latencies.percentile(0.9),
        latencies.percentile(0.99),
        latencies.percentile(0.999),
        latencies.max());
  }

  /** Whether every record arrived once and intact. */
  boolean clean() {
    return lost == 0 && duplicated == 0 && checksumFailures == 0 && unexpected == 0;
  }

  /** Writes the fields from {@link RingLayout#REPORT_AT} on, 8 bytes each. */
  void writeTo(Mmap m) {
    long[] fields = {
      received, lost, duplicated, checksumFailures, unexpected, negativeLatencies,
      receivingNanos, p50, p90, p99, p999, max
    };
    for (int i = 0; i < fields.length; i++) {
      m.setLong(RingLayout.REPORT_AT + 8L * i, fields[i]);
    }
  }

  /** The report {@link #writeTo} left in {@code m}. */
  static RingReport readFrom(Mmap m) {
    long[] f = new long[12];
    for (int i = 0; i < f.length; i++) {
      f[i] = m.getLong(RingLayout.REPORT_AT + 8L * i);
    }
    return new RingReport(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
  }
}
