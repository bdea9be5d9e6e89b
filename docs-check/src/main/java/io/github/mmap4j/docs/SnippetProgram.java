package io.github.mmap4j.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code block as a source file that compiles to a runnable program. A block that is a program
 * already stays as written; a block of statements (the README's quick starts) gets a {@code main}
 * around everything but its {@code import} lines, so the README can show just the code that
 * matters.
 *
 * <ul>
 *   <li>Java: a top-level class, record, interface or enum makes the block a compilation unit (the
 *       first such type is the main class); a top-level {@code void main(} makes it a compact
 *       source file; anything else becomes the body of a compact source file's {@code void main()
 *       throws Exception}.
 *   <li>Kotlin: a top-level {@code fun main(} makes the block a file; anything else becomes the
 *       body of {@code fun main()}. The main class is {@code SnippetKt} in the block's package.
 * </ul>
 *
 * @param fileName the source file's name, e.g. {@code Snippet.java}
 * @param mainClass the binary name of the class to launch
 * @param source the source text
 */
record SnippetProgram(String fileName, String mainClass, String source) {
  private static final Pattern JAVA_TYPE =
      Pattern.compile(
          "^(?:(?:public|final|abstract|sealed|non-sealed)\\s+)*(?:class|record|interface|enum)"
              + "\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Pattern JAVA_PUBLIC_TYPE =
      Pattern.compile(
          "^public\\s+(?:(?:final|abstract|sealed|non-sealed)\\s+)*(?:class|record|interface|enum)"
              + "\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Pattern JAVA_COMPACT_MAIN =
      Pattern.compile("^(?:public\\s+)?(?:static\\s+)?void\\s+main\\s*\\(", Pattern.MULTILINE);
  private static final Pattern KOTLIN_MAIN =
      Pattern.compile("^fun\\s+main\\s*\\(", Pattern.MULTILINE);
  private static final Pattern KOTLIN_PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)", Pattern.MULTILINE);
  private static final String COMPACT_NAME = "Snippet";

  /**
   * The program of a Java block.
   *
   * @param code the block's text
   * @return the source file to compile and the class to run
   */
  static SnippetProgram java(String code) {
    Matcher type = JAVA_TYPE.matcher(code);
    if (type.find()) {
      Matcher publicType = JAVA_PUBLIC_TYPE.matcher(code);
      String file = publicType.find() ? publicType.group(1) : type.group(1);
      return new SnippetProgram(file + ".java", type.group(1), code);
    }
    if (JAVA_COMPACT_MAIN.matcher(code).find()) {
      return new SnippetProgram(COMPACT_NAME + ".java", COMPACT_NAME, code);
    }
    String[] parts = splitHeader(code, "import ");
    String source = parts[0] + "void main() throws Exception {\n" + indent(parts[1]) + "}\n";
    return new SnippetProgram(COMPACT_NAME + ".java", COMPACT_NAME, source);
  }

  /**
   * The program of a Kotlin block.
   *
   * @param code the block's text
   * @return the source file to compile and the class to run
   */
  static SnippetProgram kotlin(String code) {
    Matcher pkg = KOTLIN_PACKAGE.matcher(code);
    String mainClass = (pkg.find() ? pkg.group(1) + "." : "") + COMPACT_NAME + "Kt";
    if (KOTLIN_MAIN.matcher(code).find()) {
      return new SnippetProgram(COMPACT_NAME + ".kt", mainClass, code);
    }
    String[] parts = splitHeader(code, "import ", "package ");
    String source = parts[0] + "fun main() {\n" + indent(parts[1]) + "}\n";
    return new SnippetProgram(COMPACT_NAME + ".kt", mainClass, source);
  }

  /**
   * {@code {header, body}}: the leading lines that start with one of {@code prefixes} (with blank
   * lines and comments among them, and the blank lines after them), then the rest.
   */
  private static String[] splitHeader(String code, String... prefixes) {
    List<String> lines = code.lines().toList();
    int bodyStart = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (startsWithAny(line, prefixes)) {
        bodyStart = i + 1;
      } else if (!line.isEmpty() && !line.startsWith("//")) {
        break;
      }
    }
    while (bodyStart < lines.size() && lines.get(bodyStart).isBlank()) {
      bodyStart++;
    }
    return new String[] {
      joinLines(lines.subList(0, bodyStart)), joinLines(lines.subList(bodyStart, lines.size()))
    };
  }

  private static boolean startsWithAny(String line, String... prefixes) {
    for (String prefix : prefixes) {
      if (line.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String joinLines(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  private static String indent(String body) {
    List<String> indented = new ArrayList<>();
    body.lines().forEach(line -> indented.add(line.isEmpty() ? line : "  " + line));
    return joinLines(indented);
  }
}
