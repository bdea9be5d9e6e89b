package io.github.mmap4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of writing through a shared WRITE map loses nothing
 * it reported written: the page cache holds the bytes, whether or not it called {@code flush()}.
 * After the kill, the file holds every reported record, then possibly more complete records, at
 * most one torn record (each byte the record's or zero), then zeros only; its length is unchanged.
 *
 * <p>Sharpness: running the child with {@code Access.COPY} instead of {@code WRITE} (writes stay
 * private to the process) fails every kill with "record 0 was reported but the file has ZERO".
 */
class KilledMidWriteTest {
  private static final int SLOTS = 8 * 1024; // a 512 KiB file
  private static final int KILLS_PER_MODE = 5; // ten kills per default run
  // A small, quick child: it only writes and reports.
  private static final List<String> WRITER_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-XX:-UsePerfData");

  @RegisterExtension static final Figures FIGURES = new Figures("killed mid-write");

  @TempDir Path dir;

  @Test
  void reportedRecordsSurviveSigkillWithoutFlush() throws Exception {
    killRepeatedly("no-flush", 5_000, new SplittableRandom(0x5EED_0001L));
  }

  @Test
  void reportedRecordsSurviveSigkillWithFlushBetweenRecords() throws Exception {
    // flush() waits for the disk (~10 ms a record here): kill within the first 50 records.
    killRepeatedly("flush", 50, new SplittableRandom(0x5EED_0002L));
  }

  /**
   * Kills writers, two at a time, each after a random number of reported records (up to {@code
   * maxRecords}) plus a random pause of up to 2 ms, so the kill lands anywhere in a write, a flush
   * or a report.
   */
  private void killRepeatedly(String mode, int maxRecords, SplittableRandom random)
      throws Exception {
    Soak.Rounds rounds = Soak.rounds(Soak.KILLS / 2, KILLS_PER_MODE);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Deque<Future<?>> running = new ArrayDeque<>();
      while (rounds.another()) {
        Path file = dir.resolve(mode + "-" + rounds.count() + ".bin");
        int killAfter = 1 + random.nextInt(maxRecords);
        SplittableRandom pause = random.split();
        running.add(two.submit(() -> killAndCheck(file, mode, killAfter, pause)));
        if (running.size() == 2) {
          await(running.poll());
        }
      }
      while (!running.isEmpty()) {
        await(running.poll());
      }
    } finally {
      two.shutdownNow();
    }
  }

  private static Void killAndCheck(Path file, String mode, int killAfter, SplittableRandom pause)
      throws Exception {
    Files.write(file, new byte[SLOTS * Record.SIZE]);
    long lastReported = killOneWriter(file, mode, killAfter, pause);
    long records = checkFile(file, lastReported);
    FIGURES.operations(records);
    FIGURES.faults(1);
    FIGURES.kill();
    Files.delete(file);
    return null;
  }

  /** Waits for a kill; its assertion failure becomes this test's. */
  private static void await(Future<?> kill) throws Exception {
    try {
      kill.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError failure) {
        throw failure;
      }
      throw e;
    }
  }

  /** Starts a writer, kills it, and returns the last record number it reported. */
  private static long killOneWriter(Path file, String mode, int killAfter, SplittableRandom random)
      throws Exception {
    long lastReported = -1;
    try (ChildJvm child =
        ChildJvm.start(RecordWriterProcess.class, WRITER_JVM, file.toString(), mode)) {
      while (lastReported + 1 < killAfter) {
        String line = child.nextLine(Duration.ofSeconds(60));
        if (line == null) {
          throw new AssertionError("the writer ended by itself\n" + child.describe());
        }
        if (line.equals("full")) {
          break;
        }
        lastReported = Long.parseLong(line);
      }
      long pauseNanos = random.nextLong(2_000_000);
      long until = System.nanoTime() + pauseNanos;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      child.kill();
      String line;
      while ((line = child.nextLine(Duration.ofSeconds(10))) != null) {
        if (!line.equals("full")) {
          lastReported = Long.parseLong(line); // reported after the parent decided to kill
        }
      }
      int exit = child.awaitExit(Duration.ofSeconds(10));
      assertEquals(137, exit, () -> "the writer was not killed by SIGKILL\n" + child.describe());
    }
    return lastReported;
  }

  /**
   * Checks the file after a kill and returns the number of complete records in it.
   *
   * @param lastReported the last record the writer reported written
   */
  private static long checkFile(Path file, long lastReported) throws Exception {
    byte[] data = Files.readAllBytes(file);
    assertEquals((long) SLOTS * Record.SIZE, data.length, "the file length changed");
    int slot = 0;
    for (; slot <= lastReported; slot++) {
      Record.State state = Record.classify(data, slot * Record.SIZE, slot);
      int reported = slot;
      assertEquals(
          Record.State.COMPLETE,
          state,
          () ->
              "record " + reported + " was reported (up to " + lastReported + ") but the file has");
    }
    while (slot < SLOTS
        && Record.classify(data, slot * Record.SIZE, slot) == Record.State.COMPLETE) {
      slot++; // written, killed before reporting it
    }
    long complete = slot;
    if (slot < SLOTS) {
      Record.State torn = Record.classify(data, slot * Record.SIZE, slot);
      long at = slot;
      assertTrue(
          torn == Record.State.PARTIAL || torn == Record.State.ZERO,
          () -> "after the last complete record " + (at - 1) + ", slot " + at + " is " + torn);
      slot++;
    }
    for (int i = slot * Record.SIZE; i < data.length; i++) {
      if (data[i] != 0) {
        throw new AssertionError(
            "byte "
                + i
                + " (slot "
                + i / Record.SIZE
                + ") is not zero, after the last complete record "
                + (complete - 1));
      }
    }
    return complete;
  }
}
