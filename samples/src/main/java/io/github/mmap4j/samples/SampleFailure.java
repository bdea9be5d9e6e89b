package io.github.mmap4j.samples;

/**
 * A sample cannot do its work for a reason the user can fix (a missing file, too little disk
 * space); the runner prints the message as one line instead of a stack trace.
 */
public final class SampleFailure extends RuntimeException {
  /** A failure whose message tells the user what to do. */
  public SampleFailure(String message) {
    super(message);
  }
}
