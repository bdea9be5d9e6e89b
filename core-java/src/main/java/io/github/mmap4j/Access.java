package io.github.mmap4j;

/**
 * How a map may be used; {@link #ordinal()} equals CPython's {@code mmap.ACCESS_*} value.
 *
 * <ul>
 *   <li>{@link #DEFAULT}: read and write, shared with the file (CPython's default for {@code
 *       mmap.mmap(fileno, …)}).
 *   <li>{@link #READ}: read-only; every write is an {@link UnsupportedOperationException}.
 *   <li>{@link #WRITE}: read and write, shared: writes reach the file.
 *   <li>{@link #COPY}: copy-on-write; writes stay in this process and never reach the file.
 * </ul>
 */
public enum Access {
  /** {@code mmap.ACCESS_DEFAULT} (0): read-write, shared. */
  DEFAULT,
  /** {@code mmap.ACCESS_READ} (1): read-only, shared. */
  READ,
  /** {@code mmap.ACCESS_WRITE} (2): read-write, shared. */
  WRITE,
  /** {@code mmap.ACCESS_COPY} (3): read-write, private (copy-on-write). */
  COPY;

  boolean writable() {
    return this != READ;
  }

  boolean resizable() {
    return this == DEFAULT || this == WRITE;
  }

  /** CPython's name, as {@code repr(m)} prints it: {@code ACCESS_READ} and so on. */
  String pythonName() {
    return "ACCESS_" + name();
  }
}
