package io.github.mmap4j;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Thrown when an operation touches pages that the file no longer has: the file was truncated (by
 * another channel, another map's {@code resize}, or another process) below the end of a live map.
 *
 * <p>CPython is killed by {@code SIGBUS} in this situation (docs/semantics.md, hazards 1–3 and 8).
 * mmap4j turns the fault into this exception instead; the map stays usable for the pages that still
 * exist, and {@link Mmap#close()} still works.
 */
public final class MmapTruncatedException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message says that the file shrank under the mapping, with the sizes involved
   * @param cause the JVM's report of the memory fault
   */
  public MmapTruncatedException(String message, Throwable cause) {
    super(message, new IOException(message, cause));
  }
}
