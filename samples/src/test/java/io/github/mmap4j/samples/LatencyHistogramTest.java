package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void smallLatenciesAreExact() {
    LatencyHistogram h = new LatencyHistogram();
    for (int v = 0; v < 100; v++) {
      h.record(v);
    }
    assertEquals(49, h.percentile(0.5));
    assertEquals(89, h.percentile(0.9));
    assertEquals(98, h.percentile(0.99));
    assertEquals(99, h.max());
    assertEquals(100, h.count());
  }

  @Test
  void largeLatenciesAreWithinOneSixtyFourth() {
    for (long v = 128; v < 1L << 50; v = v * 3 + 7) {
      LatencyHistogram h = new LatencyHistogram();
      h.record(v);
      h.record(Long.MAX_VALUE); // keeps percentile() from being clamped to v by the max
      long p50 = h.percentile(0.5);
      assertTrue(p50 >= v && p50 - v <= v / 64, v + " reported as " + p50);
    }
  }

  @Test
  void aPercentileNeverExceedsTheMax() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(1_000_001);
    assertEquals(1_000_001, h.percentile(0.999));
    assertEquals(1_000_001, h.max());
  }

  @Test
  void negativeLatenciesAreCountedApart() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(-5);
    h.record(7);
    assertEquals(1, h.negative());
    assertEquals(1, h.count());
    assertEquals(7, h.percentile(0.5));
  }

  @Test
  void anEmptyHistogramReportsZero() {
    LatencyHistogram h = new LatencyHistogram();
    assertEquals(0, h.percentile(0.5));
    assertEquals(0, h.max());
  }
}
