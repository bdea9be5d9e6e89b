package io.github.mmap4j.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.function.Executable;

/** Test helpers: Latin-1 byte strings (one char per byte) and the class-plus-message assertion. */
public final class Bytes {
  private Bytes() {}

  public static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  public static String str(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  public static byte[] filled(int length, char c) {
    return bytes(String.valueOf(c).repeat(length));
  }

  /**
   * {@code assertThrows} plus the message: CPython's text exactly, then at most the figures in
   * parentheses ({@link Messages#assertCPythonText}); {@code MessageFiguresTest} pins the figures.
   */
  public static <T extends Throwable> T assertFails(
      Class<T> type, String message, Executable call) {
    T e = assertThrows(type, call);
    Messages.assertCPythonText(message, e.getMessage());
    return e;
  }
}
