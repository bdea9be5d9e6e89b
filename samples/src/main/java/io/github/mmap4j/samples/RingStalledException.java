package io.github.mmap4j.samples;

/**
 * One side of the ring gave up waiting: the other side made no progress for the stall timeout, or
 * the parent that started both is gone. The side prints the message and exits with status {@value
 * #EXIT_STATUS}.
 */
final class RingStalledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exit status of a side that gave up. */
  static final int EXIT_STATUS = 3;

  RingStalledException(String message) {
    super(message);
  }
}
