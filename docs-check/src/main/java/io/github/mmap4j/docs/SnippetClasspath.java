package io.github.mmap4j.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * What a README snippet sees: mmap4j-core, mmap4j-kotlin and Kotlin's standard library (with its
 * annotations jar), as a user who adds the README's dependencies gets them, and nothing of the
 * test's own class path (JUnit, the Kotlin compiler). Entries are recognized by a class they hold,
 * so it works for reactor directories and jars alike.
 */
final class SnippetClasspath {
  private static final List<String> MARKERS =
      List.of(
          "io/github/mmap4j/Mmap.class",
          "io/github/mmap4j/kotlin/MmapExtensions.class",
          "kotlin/KotlinVersion.class",
          "org/jetbrains/annotations/NotNull.class");

  private SnippetClasspath() {}

  /**
   * The entries of this JVM's test class path that hold one of the marker classes.
   *
   * @return one entry per marker, in the order of {@code MARKERS}
   * @throws IllegalStateException if a marker is on no entry
   */
  static List<Path> entries() {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<Path> candidates =
        java.util.Arrays.stream(classPath.split(File.pathSeparator))
            .filter(s -> !s.isEmpty())
            .map(Path::of)
            .toList();
    List<Path> entries = new ArrayList<>();
    for (String marker : MARKERS) {
      entries.add(
          candidates.stream()
              .filter(entry -> holds(entry, marker))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no class path entry holds " + marker)));
    }
    return entries;
  }

  /**
   * {@code entries} joined with the platform's path separator.
   *
   * @param entries class path entries
   * @return the class path string for {@code -cp}
   */
  static String join(List<Path> entries) {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }

  private static boolean holds(Path entry, String resource) {
    if (Files.isDirectory(entry)) {
      return Files.isRegularFile(entry.resolve(resource));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (ZipFile jar = new ZipFile(entry.toFile())) {
      return jar.getEntry(resource) != null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + entry, e);
    }
  }
}
