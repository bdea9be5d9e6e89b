package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code withSegment} views used after their call, and while another thread closes the map, fail
 * with {@code IllegalStateException} and never crash the JVM, with native access (the map's own
 * memory under a confined scope) and without it (the pages mapped again for the call).
 */
class ViewSafetyTest {
  @TempDir Path dir;

  @Test
  void leakedViewsFailCleanlyWithNativeAccess() throws Exception {
    List<String> lines = run(List.of("--enable-native-access=ALL-UNNAMED"));
    assertTrue(lines.contains("copy=view of 16"), lines::toString);
  }

  @Test
  void leakedViewsFailCleanlyWithoutNativeAccess() throws Exception {
    List<String> lines = run(List.of());
    // A second private map would not show the first one's changes: no view without native access.
    assertTrue(lines.contains("copy=UnsupportedOperationException"), lines::toString);
  }

  private List<String> run(List<String> options) throws Exception {
    Path errorFile = dir.resolve("hs_err.log");
    List<String> jvm = new java.util.ArrayList<>(options);
    jvm.add("-XX:ErrorFile=" + errorFile);
    ForkedJvm.Result result = ForkedJvm.run(ViewSafety.class, jvm);
    assertEquals(0, result.exitCode(), result::stderr);
    assertFalse(Files.exists(errorFile), "the JVM crashed");
    List<String> lines = result.stdout().lines().toList();
    assertTrue(lines.contains("after-call=IllegalStateException"), lines::toString);
    assertTrue(lines.contains("closed=true"), lines::toString);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("during-close=read-ok")), lines::toString);
    assertTrue(lines.contains("after-close=IllegalStateException"), lines::toString);
    assertTrue(lines.contains("other-thread=WrongThreadException"), lines::toString);
    return lines;
  }
}
