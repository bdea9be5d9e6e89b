package io.github.mmap4j.bench;

/** The untimed result checks that WORKLOADS.md asks for after every run. */
final class BenchChecks {
  private BenchChecks() {}

  /** Fails the benchmark, so that a wrong result is never reported as a score. */
  static void expect(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("benchmark check failed: " + message);
    }
  }
}
