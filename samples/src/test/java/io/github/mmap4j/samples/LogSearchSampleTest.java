package io.github.mmap4j.samples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code samples/run logsearch}: the lines it prints are the lines that hold the word. */
class LogSearchSampleTest {
  private static final Pattern MATCH_LINE = Pattern.compile(" *([0-9,]+): (.*)");
  private static final long QUICK_SIZE = 32L << 20;

  @TempDir Path dir;

  /** The line numbers a run printed (it prints them all when --show is large enough). */
  private static List<Long> printedLineNumbers(SampleRun run) {
    return run.lines().stream()
        .map(MATCH_LINE::matcher)
        .filter(Matcher::matches)
        .map(m -> Long.parseLong(m.group(1).replace(",", "")))
        .toList();
  }

  /** {@code samples/run logsearch args… [--kotlin]}. */
  private static SampleRun logsearch(boolean kotlin, String... args) {
    List<String> all = new ArrayList<>(List.of("logsearch"));
    all.addAll(List.of(args));
    if (kotlin) {
      all.add("--kotlin");
    }
    return SampleRun.of(all.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void quickRunFindsExactlyThePlantedLines(boolean kotlin) throws Exception {
    Path sampleDir = dir.resolve("sample");
    SampleRun run = logsearch(kotlin, "--quick", "--dir", sampleDir.toString(), "--show", "1000");
    assertEquals(0, run.exitCode(), run.transcript());

    // The generator, run again on its own, says where it put the word.
    LogGenerator.GeneratedLog expected =
        LogGenerator.write(
            dir.resolve("expected.log"), QUICK_SIZE, 42, Progress.start(false, "", 0));
    assertTrue(expected.plantedLines().size() > 5, "the quick log has random planted lines too");
    assertEquals(expected.plantedLines(), printedLineNumbers(run), run.transcript());
    assertTrue(run.out().contains("all three found the same lines"), run.transcript());
    assertTrue(run.out().contains(kotlin ? "logsearch (Kotlin)" : "logsearch (Java)"));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("expected.log")),
        Files.readAllBytes(sampleDir.resolve("app.log")),
        "the log stays in --dir, byte for byte what the seed gives");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void findsTheWordAtTheEdgesOfAGivenFile(boolean kotlin) throws Exception {
    Path log = dir.resolve("edges.log");
    // Line 1 starts with the word, line 3 holds it twice, line 4 is empty, line 6 has no '\n'.
    Files.writeString(
        log, "needle first\nnothing here\nneedle and needle\n\nneedl e split\nlast needle", UTF_8);
    SampleRun run = logsearch(kotlin, "--file", log.toString(), "--word", "needle");
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(List.of(1L, 3L, 6L), printedLineNumbers(run), run.transcript());
    assertTrue(run.lines().contains("           6: last needle"), run.transcript());
    assertTrue(run.lines().contains("           3: needle and needle"), run.transcript());
  }

  @Test
  void printsTheTimingOfAllThreeMethods() {
    SampleRun run = SampleRun.of("logsearch", "--quick", "--size", "4MiB");
    assertEquals(0, run.exitCode(), run.transcript());
    for (String method :
        List.of(
            "mmap4j find + rfind/find of \\n",
            "BufferedReader.readLine",
            "Commons IO LineIterator")) {
      assertTrue(
          run.lines().stream()
              .anyMatch(l ->
                  l.matches(Pattern.quote(method) + " +\\d+\\.\\d\\d s +\\d+\\.\\d\\d +[0-9,]+")),
          method + "\n" + run.transcript());
    }
  }

  @Test
  void aGeneratedLogInATemporaryDirectoryIsRemoved() {
    SampleRun run = SampleRun.of("logsearch", "--quick", "--size", "1MiB");
    assertEquals(0, run.exitCode(), run.transcript());
    String removed =
        run.lines().stream().filter(l -> l.startsWith("removed ")).findFirst().orElseThrow();
    Path log = Path.of(removed.substring("removed ".length()));
    assertFalse(Files.exists(log.getParent()), log.getParent() + " should be gone");
  }

  @Test
  void showLimitsThePrintedLinesButNotTheCount() {
    SampleRun run = SampleRun.of("logsearch", "--quick", "--size", "4MiB", "--show", "2");
    assertEquals(0, run.exitCode(), run.transcript());
    assertEquals(2, printedLineNumbers(run).size(), run.transcript());
    assertTrue(
        run.out().matches("(?s).*\\.\\.\\. and \\d+ more \\(--show N prints more\\).*"),
        run.transcript());
  }

  @Test
  void anEmptyLogIsRefusedInOneLine() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.log"));
    SampleRun run = SampleRun.of("logsearch", "--file", empty.toString());
    assertEquals(1, run.exitCode(), run.transcript());
    assertEquals(List.of("logsearch: " + empty + " is empty"), run.err().lines().toList());
  }

  @Test
  void sameSeedGivesTheSameLogAndAnotherSeedAnother() throws Exception {
    Progress none = Progress.start(false, "", 0);
    LogGenerator.write(dir.resolve("a.log"), 1 << 20, 7, none);
    LogGenerator.write(dir.resolve("b.log"), 1 << 20, 7, none);
    LogGenerator.write(dir.resolve("c.log"), 1 << 20, 8, none);
    byte[] a = Files.readAllBytes(dir.resolve("a.log"));
    assertArrayEquals(a, Files.readAllBytes(dir.resolve("b.log")));
    assertFalse(Arrays.equals(a, Files.readAllBytes(dir.resolve("c.log"))));
  }

  @Test
  void newlineCounterAgreesWithAByteByByteCount() {
    SplittableRandom random = new SplittableRandom(1);
    for (int round = 0; round < 200; round++) {
      byte[] bytes = new byte[random.nextInt(100)];
      for (int i = 0; i < bytes.length; i++) {
        // mostly bytes next to '\n' (0x09, 0x0b, 0x8a), where a carry would show up
        bytes[i] = (byte) new int[] {'\n', 0x09, 0x0b, 0x8a, 0xff, 0}[random.nextInt(6)];
      }
      int expected = 0;
      for (byte b : bytes) {
        expected += b == '\n' ? 1 : 0;
      }
      assertEquals(expected, NewlineCounter.countIn(bytes, bytes.length), Arrays.toString(bytes));
    }
  }
}
