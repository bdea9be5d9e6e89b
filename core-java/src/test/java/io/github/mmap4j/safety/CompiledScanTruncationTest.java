package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file truncated under a map whose scans the JIT has compiled: in each kernel, {@code find},
 * {@code rfind}, {@code readLine}, {@code findAllIndices}, {@code slice}, {@code read} and {@code
 * move} over the lost pages throw {@code MmapTruncatedException}, the JVM does not crash (no {@code
 * hs_err} file), and the faults surface fast: 1,000 calls of each finish within 10 s (a fault
 * surfaces after a few signals, not one signal per word until the JIT's next safepoint). The Vector
 * API kernel is the one at risk: HotSpot survives a {@code SIGBUS} only in compiled methods that it
 * knows do unsafe memory access.
 */
class CompiledScanTruncationTest {
  private static final Pattern C2_KERNEL_COMPILE =
      Pattern.compile("(?m)^.*\\s4\\s+io\\.github\\.mmap4j\\.internal\\.(\\w+Kernel)::\\w+.*$");
  private static final Pattern TIMING = Pattern.compile("(?m)^op=(\\w+) calls=(\\d+) ms=(\\d+)$");
  private static final long BOUND_MS = 10_000;
  private static final List<String> OPERATIONS =
      List.of(
          "find",
          "find1",
          "rfind",
          "rfind1",
          "readLine",
          "findAllIndices",
          "slice",
          "read",
          "move");

  @TempDir Path dir;

  @Test
  void swarKernel() throws Exception {
    assertSurvives("swar", List.of("--enable-native-access=ALL-UNNAMED"));
  }

  @Test
  void vectorKernel() throws Exception {
    assertSurvives(
        "vector",
        List.of("--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"));
  }

  @Test
  void vectorKernelWithoutNativeAccess() throws Exception {
    // FileChannel.map into a shared arena: the segment has a liveness-checked session.
    assertSurvives("vector", List.of("--add-modules", "jdk.incubator.vector"));
  }

  private void assertSurvives(String kernel, List<String> options) throws Exception {
    Path errors = Files.createDirectories(dir.resolve("hs_err"));
    List<String> jvm = new ArrayList<>(options);
    jvm.add("-XX:ErrorFile=" + errors.resolve("hs_err_%p.log"));
    jvm.add("-XX:+PrintCompilation");
    Path report = dir.resolve("report.txt");
    String file = dir.resolve("scanned.bin").toString();
    ForkedJvm.Result result =
        ForkedJvm.run(
            TruncatedScanProbe.class, jvm, file, report.toString(), "3000", "2000", "1000");
    assertEquals(List.of(), hsErrFiles(errors), "the JVM crashed:\n" + result.stderr());
    String out = Files.exists(report) ? Files.readString(report) : "";
    assertEquals(0, result.exitCode(), () -> out + "\n" + result.stderr());
    assertTrue(out.startsWith("kernel=" + kernel + "\n"), out);
    assertTrue(
        C2_KERNEL_COMPILE
            .matcher(result.stdout())
            .results()
            .anyMatch(c -> c.group(1).toLowerCase(Locale.ROOT).startsWith(kernel)),
        "C2 never compiled the " + kernel + " kernel");
    Matcher timing = TIMING.matcher(out);
    List<String> ops = new ArrayList<>();
    while (timing.find()) {
      ops.add(timing.group(1));
      long ms = Long.parseLong(timing.group(3));
      assertTrue(ms < BOUND_MS, timing.group() + ": over " + BOUND_MS + " ms");
    }
    assertEquals(OPERATIONS, ops);
    assertTrue(out.endsWith("ok\n"), out);
  }

  private static List<Path> hsErrFiles(Path errors) throws IOException {
    try (Stream<Path> files = Files.list(errors)) {
      return files.toList();
    }
  }

  private static String grepFail(String out) {
    return out.lines()
        .filter(l -> l.startsWith("FAIL") || l.startsWith("kernel="))
        .toList()
        .toString();
  }
}
