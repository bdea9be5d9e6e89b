package io.github.mmap4j.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The child of {@link OwnersAndGuestsTest}: runs rounds of scenarios of {@link OwnerScenarios} and
 * {@link SharingScenarios}, one after the other, and prints a line for each: {@code ok scenario=…
 * rounds=… operations=… closes=… resizes=… racing=…}, or {@code failed scenario=…} (a wrong byte,
 * an undocumented exception; details on stderr). If a round hangs for 60 s a watchdog prints {@code
 * HANG scenario=…} and every thread's stack, and exits 4; a crash exits non-zero by itself.
 *
 * <p>Arguments: the milliseconds each scenario goes on for, then {@code scenario:minimum-rounds}
 * for each scenario to run.
 */
public final class OwnerGuestStress {
  private static final long HANG_MILLIS = 60_000;

  private OwnerGuestStress() {}

  public static void main(String[] args) throws Exception {
    long millis = Long.parseLong(args[0]);
    Watchdog watchdog = new Watchdog();
    for (int i = 1; i < args.length; i++) {
      String[] scenarioAndRounds = args[i].split(":");
      String line =
          run(scenarioAndRounds[0], Integer.parseInt(scenarioAndRounds[1]), millis, watchdog);
      System.out.println(line);
      System.out.flush();
    }
    System.exit(0);
  }

  /** Runs one scenario; returns its {@code ok …} line or a one-line {@code failed …} report. */
  private static String run(String scenario, int minRounds, long millis, Watchdog watchdog)
      throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000;
    Path dir = Files.createTempDirectory("mmap4j-owners");
    MapHammer hammer = new MapHammer();
    SplittableRandom random = new SplittableRandom(scenario.hashCode());
    OwnerScenarios owners = new OwnerScenarios(dir, hammer, random.split());
    SharingScenarios sharing = new SharingScenarios(dir, hammer, owners, random.split());
    int round = 0;
    try {
      while (round < minRounds || System.nanoTime() < deadline) {
        watchdog.begin(scenario, round);
        List<String> escaped =
            switch (scenario) {
              case "virtual-owner" -> owners.virtualOwner(round);
              case "pool-owner" -> owners.poolOwner(round);
              case "dead-owner" -> owners.deadOwner(round);
              case "owner-blocked-elsewhere" -> owners.ownerBlockedElsewhere(round);
              case "iterators" -> sharing.iterators(round);
              case "crosswise" -> sharing.crosswise(round);
              case "guest-resize" -> sharing.guestResize(round);
              case "file-calls-racing-close" -> owners.fileCallsRacingClose(round);
              default -> throw new IllegalArgumentException(scenario);
            };
        escaped.forEach(e -> hammer.fail("escaped from a thread: " + e, null));
        if (!hammer.failures.isEmpty()) {
          System.err.println(scenario + " failed in round " + round + ":");
          hammer.failures.forEach(System.err::println);
          return "failed scenario=" + scenario + " round=" + round + " (details on stderr)";
        }
        deleteFiles(dir);
        round++;
      }
    } finally {
      watchdog.end();
      owners.shutdown();
      deleteFiles(dir);
      Files.delete(dir);
    }
    return String.format(
        "ok scenario=%s rounds=%d operations=%d closes=%d resizes=%d racing=%d slowest-close-ms=%d",
        scenario,
        round,
        hammer.operations.get(),
        owners.closes,
        owners.resizes,
        hammer.racing.get(),
        owners.slowestCloseNanos / 1_000_000);
  }

  private static void deleteFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Fails the run, with every thread's stack, if one round takes longer than it ever should. */
  private static final class Watchdog {
    private volatile String scenario = "";
    private volatile int round;
    private volatile long started;

    Watchdog() {
      Thread thread = new Thread(this::watch, "watchdog");
      thread.setDaemon(true);
      thread.start();
    }

    void begin(String scenario, int round) {
      this.scenario = scenario;
      this.round = round;
      this.started = System.nanoTime();
    }

    void end() {
      started = 0;
    }

    private void watch() {
      while (true) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
        long since = started;
        if (since != 0 && System.nanoTime() - since > HANG_MILLIS * 1_000_000) {
          System.out.println("HANG scenario=" + scenario + " round=" + round);
          System.err.println(
              "HANG: " + scenario + " round " + round + " ran for " + HANG_MILLIS / 1000 + " s");
          for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            System.err.println(OwnerScenarios.stack(e.getKey()));
          }
          System.exit(4);
        }
      }
    }
  }
}
