package io.github.mmap4j.bench.workload;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as JSON text (enough for the results). */
final class JsonText {
  private JsonText() {}

  static String of(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value, "");
    return out.append('\n').toString();
  }

  private static void append(StringBuilder out, Object value, String indent) {
    switch (value) {
      case null -> out.append("null");
      case Map<?, ?> map -> {
        out.append("{");
        String inner = indent + " ";
        String sep = "\n";
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(sep).append(inner);
          quote(out, e.getKey().toString());
          out.append(": ");
          append(out, e.getValue(), inner);
          sep = ",\n";
        }
        out.append("\n").append(indent).append("}");
      }
      case List<?> list -> {
        out.append("[");
        String sep = "";
        for (Object item : list) {
          out.append(sep);
          append(out, item, indent);
          sep = ", ";
        }
        out.append("]");
      }
      case Double d when d.isNaN() || d.isInfinite() -> out.append("null");
      case Number n -> out.append(n);
      case Boolean b -> out.append(b);
      default -> quote(out, value.toString());
    }
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
