package io.github.mmap4j.internal;

/**
 * How {@link Errors} words the figures it appends to CPython's text: {@code " (index -100, length
 * 67)"}, {@code "16 bytes"}, {@code "offset 4096 + new size 9223372036854775807 overflows"}. One
 * place, so every message says them alike.
 */
final class MessageFigures {
  private MessageFigures() {}

  /** CPython's {@code text} followed by the figures it leaves out, in parentheses. */
  static String withFigures(String text, String figures) {
    return text + " (" + figures + ")";
  }

  /** {@code "1 byte"}, {@code "16 bytes"}. */
  static String bytes(long count) {
    return count + (count == 1 ? " byte" : " bytes");
  }

  /** Whether {@code x + y} does not fit a long. */
  static boolean overflows(long x, long y) {
    long sum = x + y;
    return ((x ^ sum) & (y ^ sum)) < 0;
  }

  /** {@code "a x + b y"}, and " overflows" where the sum does not fit a long. */
  static String sum(String a, long x, String b, long y) {
    return a + " " + x + " + " + b + " " + y + (overflows(x, y) ? " overflows" : "");
  }

  /** A seek's target, or the sum that overflowed. */
  static String target(long base, long offset) {
    return overflows(base, offset) ? base + " + " + offset + " overflows" : "" + (base + offset);
  }
}
