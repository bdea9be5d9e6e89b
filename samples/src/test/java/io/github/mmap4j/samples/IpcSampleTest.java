package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Mmap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samples/run ipc}: two forked JVMs pass every record once and intact, and the consumer's
 * checks catch a record left out, one sent twice and one corrupted.
 */
class IpcSampleTest {
  private static final Pattern PERCENTILES =
      Pattern.compile(
          " {2}p50 ([\\d,.]+) us {3}p90 ([\\d,.]+) us {3}p99 ([\\d,.]+) us"
              + " {3}p99\\.9 ([\\d,.]+) us {3}max ([\\d,.]+) us");

  /** One {@code ipc --quick} run for the tests that read its output: each run forks two JVMs. */
  private static SampleRun quick;

  @TempDir Path dir;

  @BeforeAll
  static void runQuick() {
    quick = SampleRun.of("ipc", "--quick");
  }

  @Test
  void quickRunDeliversEveryRecordOnce() {
    SampleRun run = quick;
    assertEquals(0, run.exitCode(), run.transcript());
    List<String> lines = run.lines();
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("sent     200,000 records in ")),
        run.transcript());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("received 200,000 records in ")),
        run.transcript());
    assertTrue(lines.contains("lost 0, duplicated 0, checksum failures 0"), run.transcript());
    assertFalse(run.out().contains("FAILED"), run.transcript());
  }

  @Test
  void quickRunRemovesTheRingAndTheLogs() {
    SampleRun run = quick;
    List<String> lines = run.lines();
    String removed = lines.stream().filter(l -> l.startsWith("removed ")).findFirst().orElseThrow();
    Path ring = Path.of(removed.substring("removed ".length()).split(" and ")[0]);
    assertTrue(ring.toString().endsWith("ring.bin"), removed);
    assertFalse(Files.exists(ring.getParent()), ring.getParent() + " should be gone");
  }

  @Test
  void latencyPercentilesAreInOrder() {
    SampleRun run = quick;
    Matcher m =
        PERCENTILES.matcher(
            run.lines().stream().filter(l -> l.startsWith("  p50 ")).findFirst().orElseThrow());
    assertTrue(m.matches(), run.transcript());
    double[] values = new double[5];
    for (int i = 0; i < 5; i++) {
      values[i] = Double.parseDouble(m.group(i + 1).replace(",", ""));
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    assertTrue(values[0] > 0, run.transcript());
    assertEquals(Arrays.toString(sorted), Arrays.toString(values), run.transcript());
  }

  @Test
  void injectedFaultsAreCaughtAndFailTheRun() throws Exception {
    SampleRun run =
        SampleRun.of("ipc", "--records", "20000", "--inject-faults", "--dir", dir.toString());
    assertEquals(1, run.exitCode(), run.transcript());
    List<String> lines = run.lines();
    assertTrue(
        lines.contains(
            "injected faults: record 5,000 left out, record 10,000 sent twice, record 15,000"
                + " corrupted after its checksum"),
        run.transcript());
    // One left out, one more sent twice: as many slots as records.
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("sent     20,000 records in ")),
        run.transcript());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("received 20,000 records in ")),
        run.transcript());
    // The corrupted record's number is lost too: it never arrived intact.
    assertTrue(lines.contains("lost 2, duplicated 1, checksum failures 1"), run.transcript());
    assertTrue(
        lines.contains("FAILED: the consumer did not get every record exactly once and intact"),
        run.transcript());

    // The kept ring file, read on our own: both sides finished, every slot taken.
    try (Mmap m = Mmap.open(dir.resolve("ring.bin"))) {
      assertEquals(RingLayout.MAGIC, m.getLong(0));
      assertEquals(20_000, m.getLongVolatile(RingLayout.HEAD_AT));
      assertEquals(20_000, m.getLongVolatile(RingLayout.TAIL_AT));
      assertEquals(RingLayout.DONE, m.getLongVolatile(RingLayout.PRODUCER_STATE_AT));
      assertEquals(RingLayout.DONE, m.getLongVolatile(RingLayout.CONSUMER_STATE_AT));
      assertEquals(2, RingReport.readFrom(m).lost());
    }
    assertEquals("", Files.readString(dir.resolve("producer.log")));
    assertEquals("", Files.readString(dir.resolve("consumer.log")));
  }

  @Test
  void badSettingsAreOneLineBeforeAnyJvmStarts() {
    SampleRun run = SampleRun.of("ipc", "--capacity", "0", "--dir", dir.toString());
    assertEquals(1, run.exitCode(), run.transcript());
    assertEquals(
        List.of("ipc: --capacity must be between 1 and 16,777,216 slots"),
        run.err().lines().toList());
    assertFalse(Files.exists(dir.resolve("ring.bin")));
  }
}
