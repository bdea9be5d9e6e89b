package io.github.mmap4j.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fenced code blocks of a Markdown text (CommonMark fences of three or more backticks or
 * tildes, indented by at most three spaces) and the snippet directives beside them:
 *
 * <ul>
 *   <li>{@code <!-- snippet: skip, why -->} or {@code <!-- snippet: compile-only, why -->} on the
 *       line directly above the opening fence;
 *   <li>{@code <!-- snippet output:}, the expected lines, then {@code -->} alone on a line, after
 *       the closing fence (blank lines between are allowed).
 * </ul>
 *
 * HTML comments are invisible on GitHub, so the directives cost the reader nothing.
 */
final class MarkdownCodeBlocks {
  private static final Pattern OPENING_FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");
  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*<!--\\s*snippet:\\s*([\\w-]+)\\s*,?\\s*(.*?)\\s*-->\\s*$");
  private static final String OUTPUT_START = "<!-- snippet output:";
  private static final String COMMENT_END = "-->";

  private MarkdownCodeBlocks() {}

  /**
   * The code blocks of {@code markdown}, in order.
   *
   * @param name the file's name for {@link CodeBlock#where()}, e.g. {@code README.md}
   * @param markdown the file's text
   * @return every fenced block, with its directives applied
   * @throws IllegalArgumentException if a directive is unknown, gives no reason, or an output
   *     comment is not closed
   */
  static List<CodeBlock> parse(String name, String markdown) {
    List<String> lines = markdown.lines().toList();
    List<CodeBlock> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher open = OPENING_FENCE.matcher(lines.get(i));
      if (!open.matches() || (open.group(2).charAt(0) == '`' && open.group(3).contains("`"))) {
        i++;
        continue;
      }
      int indent = open.group(1).length();
      String fence = open.group(2);
      String info = open.group(3).strip();
      String language = info.isEmpty() ? "" : info.split("\\s+")[0].toLowerCase(Locale.ROOT);
      int close = closingFence(lines, i + 1, fence);
      String code = String.join("\n", unindent(lines.subList(i + 1, close), indent));
      String where = name + ":" + (i + 1);
      String[] directive = directiveAbove(lines, i, where);
      CodeBlock.Mode mode = mode(directive[0], where);
      blocks.add(
          new CodeBlock(where, language, code, mode, directive[1], outputAfter(lines, close)));
      i = close + 1;
    }
    return blocks;
  }

  private static int closingFence(List<String> lines, int from, String fence) {
    for (int j = from; j < lines.size(); j++) {
      String line = lines.get(j).strip();
      if (line.length() >= fence.length()
          && line.chars().allMatch(c -> c == fence.charAt(0))
          && lines.get(j).indexOf(fence.charAt(0)) <= 3) {
        return j;
      }
    }
    return lines.size(); // an unclosed fence runs to the end of the document (CommonMark)
  }

  private static List<String> unindent(List<String> code, int indent) {
    return code.stream()
        .map(line -> line.substring(Math.min(indent, leadingSpaces(line))))
        .toList();
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /**
   * {@code {keyword, reason}} of the directive on the line above the fence, or {@code {"", ""}}.
   */
  private static String[] directiveAbove(List<String> lines, int fenceLine, String where) {
    if (fenceLine == 0) {
      return new String[] {"", ""};
    }
    String above = lines.get(fenceLine - 1);
    if (!above.contains("<!--") || !above.contains("snippet:")) {
      return new String[] {"", ""};
    }
    Matcher m = DIRECTIVE.matcher(above);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          where + ": unreadable directive " + above.strip() + " (use <!-- snippet: skip, why -->)");
    }
    if (m.group(2).isEmpty()) {
      throw new IllegalArgumentException(
          where + ": the directive `" + m.group(1) + "` needs a reason after a comma");
    }
    return new String[] {m.group(1), m.group(2)};
  }

  private static CodeBlock.Mode mode(String keyword, String where) {
    return switch (keyword) {
      case "" -> CodeBlock.Mode.RUN;
      case "skip" -> CodeBlock.Mode.SKIP;
      case "compile-only" -> CodeBlock.Mode.COMPILE_ONLY;
      default ->
          throw new IllegalArgumentException(
              where + ": unknown snippet directive `" + keyword + "` (skip, compile-only)");
    };
  }

  private static String outputAfter(List<String> lines, int closingFence) {
    int j = closingFence + 1;
    while (j < lines.size() && lines.get(j).isBlank()) {
      j++;
    }
    if (j >= lines.size() || !lines.get(j).strip().startsWith(OUTPUT_START)) {
      return null;
    }
    String start = lines.get(j);
    List<String> expected = new ArrayList<>();
    for (int k = j + 1; k < lines.size(); k++) {
      if (lines.get(k).strip().equals(COMMENT_END)) {
        return String.join("\n", expected);
      }
      expected.add(lines.get(k));
    }
    throw new IllegalArgumentException("unclosed " + start.strip() + " (end it with --> alone)");
  }
}
