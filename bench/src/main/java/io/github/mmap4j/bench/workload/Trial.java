package io.github.mmap4j.bench.workload;

import java.io.IOException;

/**
 * One workload after its untimed setup: the map and inputs exist, {@link #run()} is the timed
 * region. The runner calls {@link #check} after every run, warm-ups included, {@link #finalCheck}
 * after the last one and {@link #close} at the end.
 */
interface Trial extends AutoCloseable {
  /** Bytes (GB/s workloads) or operations (ops/s workloads) of one run. */
  long work();

  /** The timed region; its result feeds {@link #check}, so the JIT cannot drop the work. */
  long run() throws IOException;

  /** Fails with {@link CheckFailedException} unless {@code result} (and the state) is right. */
  void check(long result) throws IOException;

  /** A full-content check after the last run, for the workloads that have one. */
  default void finalCheck() throws IOException {}

  @Override
  void close() throws IOException;

  /** Throws unless {@code condition} holds: a wrong result is never reported as a time. */
  static void expect(boolean condition, String message) {
    if (!condition) {
      throw new CheckFailedException(message);
    }
  }
}
