package io.github.mmap4j.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's error messages, word for word (docs/semantics.md §4–§6, §14), so every contract test
 * compares the same strings. mmap4j's messages start with them and may add the figures in
 * parentheses: {@link #assertCPythonText} checks that shape.
 */
public final class Messages {
  public static final String CLOSED = "mmap closed or invalid";
  public static final String READONLY = "mmap can't modify a readonly memory map.";
  public static final String RESIZE_READONLY =
      "mmap can't resize a readonly or copy-on-write memory map.";
  public static final String INDEX = "mmap index out of range";
  public static final String ITEM_VALUE = "mmap item value must be in range(0, 256)";
  public static final String WRONG_SIZE = "mmap slice assignment is wrong size";
  public static final String STEP_ZERO = "slice step cannot be zero";
  public static final String READ_BYTE = "read byte out of range";
  public static final String WRITE_BYTE = "write byte out of range";
  public static final String DATA = "data out of range";
  public static final String SEEK = "seek out of range";
  public static final String BYTE_TOO_BIG = "unsigned byte integer is greater than maximum";
  public static final String BYTE_TOO_SMALL = "unsigned byte integer is less than minimum";
  public static final String MOVE = "source, destination, or count out of range";
  public static final String FLUSH = "flush values out of range";
  public static final String MADVISE_START = "madvise start out of bounds";
  public static final String MADVISE_LENGTH = "madvise length invalid";
  public static final String MADVISE_TOO_LARGE = "madvise length too large";
  public static final String NEW_SIZE = "new size out of range";
  public static final String EXPAND_ANONYMOUS =
      "mmap: can't expand a shared anonymous mapping on Linux";
  public static final String LENGTH_NEGATIVE = "memory mapped length must be positive";
  public static final String OFFSET_NEGATIVE = "memory mapped offset must be positive";
  public static final String LENGTH_TOO_BIG = "mmap length is greater than file size";
  public static final String OFFSET_TOO_BIG = "mmap offset is greater than file size";
  public static final String EMPTY_FILE = "cannot mmap an empty file";
  public static final String EINVAL = "[Errno 22] Invalid argument";
  public static final String EBADF = "[Errno 9] Bad file descriptor";
  public static final String EACCES = "[Errno 13] Permission denied";
  public static final String EFBIG = "[Errno 27] File too large";
  public static final String EMPTY_NEEDLE = "empty needle";

  private Messages() {}

  /**
   * Whether {@code actual} is CPython's {@code expected} text exactly, alone or followed by {@code
   * " (figures)"} on the same line.
   */
  public static boolean hasCPythonText(String expected, String actual) {
    if (actual == null || !actual.startsWith(expected)) {
      return false;
    }
    String rest = actual.substring(expected.length());
    return rest.isEmpty()
        || (rest.startsWith(" (")
            && rest.endsWith(")")
            && rest.length() > 3
            && !rest.substring(2, rest.length() - 1).isBlank()
            && rest.indexOf('\n') < 0);
  }

  /**
   * Fails unless {@code actual} {@linkplain #hasCPythonText has CPython's text} {@code expected}.
   */
  public static void assertCPythonText(String expected, String actual) {
    assertTrue(
        hasCPythonText(expected, actual),
        () -> "expected <" + expected + "> or <" + expected + " (…)> but was <" + actual + ">");
  }
}
