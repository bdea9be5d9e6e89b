package io.github.mmap4j.docs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dependency snippets of the Markdown files (Maven {@code <dependency>} elements in {@code xml}
 * blocks, Gradle {@code "group:artifact:version"} strings in {@code kotlin} blocks) name artifacts
 * this build publishes, in this build's version: a version bump cannot leave the README behind.
 */
class DependencyCoordinatesTest {
  private static final Set<String> PUBLISHED = Set.of("mmap4j-core", "mmap4j-kotlin");
  private static final Pattern MAVEN_DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

  private final String groupId = System.getProperty("mmap4j.docs.groupId", "io.github.mmap4j");
  private final Pattern gradleNotation =
      Pattern.compile("\"(" + Pattern.quote(groupId) + "):([\\w.-]+):([\\w.-]+)\"");
  private final String version = System.getProperty("mmap4j.docs.version", "");

  /** A dependency as a snippet writes it, and where. */
  private record Coordinates(String where, String groupId, String artifactId, String version) {}

  @Test
  void readmeShowsBothArtifactsForMavenAndGradle() throws IOException {
    List<Coordinates> readme =
        coordinates().stream().filter(c -> c.where().startsWith("README.md:")).toList();
    for (String artifact : PUBLISHED) {
      assertTrue(
          readme.stream().anyMatch(c -> c.artifactId().equals(artifact) && isMaven(c)),
          "README.md has no Maven <dependency> on " + artifact);
      assertTrue(
          readme.stream().anyMatch(c -> c.artifactId().equals(artifact) && !isMaven(c)),
          "README.md has no Gradle dependency on " + artifact);
    }
  }

  @Test
  void everyDependencySnippetNamesAPublishedArtifactInThisVersion() throws IOException {
    assertTrue(!version.isEmpty(), "run through Maven: -Dmmap4j.docs.version is not set");
    List<Coordinates> all = coordinates();
    assertAll(
        all.stream()
            .map(c ->
                () -> {
                  assertTrue(
                      PUBLISHED.contains(c.artifactId()),
                      c.where() + ": " + c.artifactId() + " is not published");
                  assertEquals(version, c.version(), c.where() + ": " + c.artifactId());
                }));
  }

  private static boolean isMaven(Coordinates c) {
    return c.where().endsWith("(maven)");
  }

  private List<Coordinates> coordinates() throws IOException {
    List<Coordinates> found = new ArrayList<>();
    for (CodeBlock block : MarkdownFiles.codeBlocks(MarkdownFiles.root())) {
      if (block.language().equals("xml")) {
        Matcher dependency = MAVEN_DEPENDENCY.matcher(block.code());
        while (dependency.find()) {
          String xml = dependency.group(1);
          if (element(xml, "groupId").equals(groupId)) {
            found.add(
                new Coordinates(
                    block.where() + " (maven)",
                    groupId,
                    element(xml, "artifactId"),
                    element(xml, "version")));
          }
        }
      } else if (block.isKotlin()) {
        Matcher notation = gradleNotation.matcher(block.code());
        while (notation.find()) {
          found.add(
              new Coordinates(
                  block.where() + " (gradle)",
                  notation.group(1),
                  notation.group(2),
                  notation.group(3)));
        }
      }
    }
    return found;
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : "";
  }
}
