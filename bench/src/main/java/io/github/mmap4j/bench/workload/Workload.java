package io.github.mmap4j.bench.workload;

import java.io.IOException;

/**
 * A workload of docs/benchmarks.md: its id ({@code W8b}), report name, unit ({@code GB/s} or {@code
 * ops/s}), default number of timed runs, and how to set it up.
 */
record Workload(String id, String name, String unit, int defaultRuns, Setup setup) {
  /** The untimed setup: opens maps and builds inputs. */
  @FunctionalInterface
  interface Setup {
    Trial open(BenchData data) throws IOException;
  }

  boolean inBytes() {
    return unit.equals("GB/s");
  }
}
