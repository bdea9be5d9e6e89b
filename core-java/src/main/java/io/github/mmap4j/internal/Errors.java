package io.github.mmap4j.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;

/**
 * Every exception mmap4j throws, built in one place. Messages are CPython's word for word (see
 * {@code Modules/mmapmodule.c}); the Java types follow the mapping of the API contract.
 */
public final class Errors {
  private Errors() {}

  public static IllegalStateException closed() {
    return new IllegalStateException("mmap closed or invalid");
  }

  public static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("mmap can't modify a readonly memory map.");
  }

  public static UnsupportedOperationException notResizable() {
    return new UnsupportedOperationException(
        "mmap can't resize a readonly or copy-on-write memory map.");
  }

  /** CPython's {@code ValueError}s that the contract maps to an index error. */
  public static IndexOutOfBoundsException range(String message) {
    return new IndexOutOfBoundsException(message);
  }

  public static IndexOutOfBoundsException indexOutOfRange() {
    return new IndexOutOfBoundsException("mmap index out of range");
  }

  /** CPython's other {@code ValueError}s and {@code OverflowError}s. */
  public static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException(message);
  }

  public static IllegalArgumentException wrongSize() {
    return new IllegalArgumentException("mmap slice assignment is wrong size");
  }

  public static IllegalArgumentException stepZero() {
    return new IllegalArgumentException("slice step cannot be zero");
  }

  public static IllegalArgumentException itemValue() {
    return new IllegalArgumentException("mmap item value must be in range(0, 256)");
  }

  /** {@code OSError} with an errno, formatted like CPython's {@code str(OSError)}. */
  public static IOException os(int errno) {
    return new IOException(Errno.describe(errno));
  }

  public static IOException os(int errno, String detail) {
    return new IOException(Errno.describe(errno) + ": " + detail);
  }

  /** {@code PermissionError}: an {@link AccessDeniedException} whose message is CPython's. */
  public static AccessDeniedException permission() {
    return new AccessDeniedException(null, null, Errno.describe(Errno.EACCES));
  }

  public static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e.getMessage(), e);
  }

  /** A borrowed channel that its owner closed: {@code size()} and {@code resize()} need it. */
  public static IllegalStateException channelClosed() {
    return new IllegalStateException(
        "mmap's FileChannel was closed by its owner: size() and resize() need it open");
  }
}
