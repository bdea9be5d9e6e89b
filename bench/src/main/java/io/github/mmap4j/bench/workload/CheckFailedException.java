package io.github.mmap4j.bench.workload;

/** A workload's result or end state was wrong: the run must not be reported. */
final class CheckFailedException extends RuntimeException {
  CheckFailedException(String message) {
    super("check failed: " + message);
  }
}
