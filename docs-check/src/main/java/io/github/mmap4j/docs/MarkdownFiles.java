package io.github.mmap4j.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project's Markdown files (every {@code *.md} outside build output and hidden folders) and
 * their code blocks: a block added to any of them is checked without touching the tests.
 */
final class MarkdownFiles {
  private MarkdownFiles() {}

  /**
   * The repository's root folder: {@code -Dmmap4j.docs.root}, which the build sets, or the parent
   * of the working directory (the module's folder under Maven).
   *
   * @return the folder that holds the top-level {@code README.md} and {@code pom.xml}
   * @throws IllegalStateException if that folder has no {@code README.md} or no {@code pom.xml}
   */
  static Path root() {
    String configured = System.getProperty("mmap4j.docs.root", "");
    Path root = (configured.isEmpty() ? Path.of("..") : Path.of(configured)).toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("README.md"))
        || !Files.isRegularFile(root.resolve("pom.xml"))) {
      throw new IllegalStateException(root + " is not the repository root (no README.md/pom.xml)");
    }
    return root.normalize();
  }

  /**
   * Every code block of every Markdown file under {@code root}, files in path order, except the
   * files that {@code -Dmmap4j.docs.exclude} names (comma-separated paths relative to the root;
   * docs-check's pom says why each is there).
   *
   * @param root the repository root
   * @return the blocks, each named by its file (relative to {@code root}) and line
   * @throws IOException if a file cannot be read
   * @throws IllegalStateException if an excluded file does not exist (a stale exclusion)
   */
  static List<CodeBlock> codeBlocks(Path root) throws IOException {
    Set<String> excluded = excluded();
    for (String name : excluded) {
      if (!Files.isRegularFile(root.resolve(name))) {
        throw new IllegalStateException("mmap4j.docs.exclude names a missing file: " + name);
      }
    }
    List<CodeBlock> blocks = new ArrayList<>();
    for (Path file : files(root)) {
      String name = root.relativize(file).toString().replace('\\', '/');
      if (!excluded.contains(name)) {
        blocks.addAll(
            MarkdownCodeBlocks.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    return blocks;
  }

  private static Set<String> excluded() {
    return Arrays.stream(System.getProperty("mmap4j.docs.exclude", "").split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".md"))
          .filter(Files::isRegularFile)
          .filter(p -> !ignored(root.relativize(p)))
          .sorted()
          .toList();
    }
  }

  /** Build output, dependencies and hidden folders (.git, .mvn, .idea) hold no project docs. */
  private static boolean ignored(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
