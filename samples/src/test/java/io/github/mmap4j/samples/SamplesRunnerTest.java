package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runner itself: the list, {@code --help}, and errors that are one line. */
class SamplesRunnerTest {
  private static final List<String> SAMPLES =
      List.of("logsearch", "patch", "big", "ipc", "tutorial");

  @Test
  void withoutArgumentsListsEverySampleWithItsDescription() {
    SampleRun run = SampleRun.of();
    assertEquals(0, run.exitCode(), run.transcript());
    for (String name : SAMPLES) {
      assertTrue(
          run.lines().stream().anyMatch(l -> l.matches("  " + name + " +[A-Z].{20,}")),
          name + " listed with a description\n" + run.transcript());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"logsearch", "patch", "big", "ipc", "tutorial"})
  void helpShowsTheSampleOptions(String name) {
    SampleRun run = SampleRun.of(name, "--help");
    assertEquals(0, run.exitCode(), run.transcript());
    assertTrue(run.out().startsWith("Usage: samples/run " + name), run.transcript());
    assertTrue(run.out().contains("--quick"), run.transcript());
    assertTrue(run.out().contains("--dir=DIR"), run.transcript());
  }

  @Test
  void anUnknownSampleIsAUsageError() {
    SampleRun run = SampleRun.of("nosuchsample");
    assertEquals(2, run.exitCode(), run.transcript());
    assertTrue(run.err().contains("Unmatched argument"), run.transcript());
  }

  @Test
  void aSampleFailurePrintsOneLineNotAStackTrace() {
    SampleRun run = SampleRun.of("logsearch", "--quick", "--word", "");
    assertEquals(1, run.exitCode(), run.transcript());
    assertEquals(
        List.of("logsearch: --word must be non-empty and on one line"), run.err().lines().toList());
  }
}
