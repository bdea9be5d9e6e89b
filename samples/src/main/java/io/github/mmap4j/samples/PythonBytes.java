package io.github.mmap4j.samples;

/** Prints bytes the way CPython's {@code repr(bytes)} does, so output reads like the tutorial's. */
public final class PythonBytes {
  private PythonBytes() {}

  /**
   * {@code b'Hello\n'} for the bytes {@code Hello} and a newline. Like CPython's {@code
   * bytes_repr}, it quotes with {@code "} when the bytes hold a {@code '} but no {@code "}.
   */
  public static String repr(byte[] bytes) {
    char quote = contains(bytes, '\'') && !contains(bytes, '"') ? '"' : '\'';
    StringBuilder out = new StringBuilder("b").append(quote);
    for (byte b : bytes) {
      int c = Byte.toUnsignedInt(b);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'', '"' -> out.append(c == quote ? "\\" : "").append((char) c);
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append((char) c);
          } else {
            out.append(String.format("\\x%02x", c));
          }
        }
      }
    }
    return out.append(quote).toString();
  }

  private static boolean contains(byte[] bytes, char c) {
    for (byte b : bytes) {
      if (b == c) {
        return true;
      }
    }
    return false;
  }
}
