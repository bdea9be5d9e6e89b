package io.github.mmap4j.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The child of {@link OwnersAndGuestsTest}: runs rounds of one scenario of {@link OwnerScenarios}
 * or {@link SharingScenarios} and prints {@code ok scenario=… rounds=… operations=… closes=…
 * resizes=… racing=…}. Exits 3 after a failure (a wrong byte, an undocumented exception), 4 if a
 * round hangs for 60 s (a watchdog prints every thread's stack first); a crash exits non-zero by
 * itself.
 *
 * <p>Arguments: the scenario, the minimum number of rounds, the milliseconds to go on for.
 */
public final class OwnerGuestStress {
  private static final long HANG_MILLIS = 60_000;

  private OwnerGuestStress() {}

  public static void main(String[] args) throws Exception {
    String scenario = args[0];
    int minRounds = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000;
    Path dir = Files.createTempDirectory("mmap4j-owners");
    MapHammer hammer = new MapHammer();
    SplittableRandom random = new SplittableRandom(scenario.hashCode());
    OwnerScenarios owners = new OwnerScenarios(dir, hammer, random.split());
    SharingScenarios sharing = new SharingScenarios(dir, hammer, owners, random.split());
    Watchdog watchdog = new Watchdog(scenario);
    int round = 0;
    while (round < minRounds || System.nanoTime() < deadline) {
      watchdog.begin(round);
      List<String> escaped =
          switch (scenario) {
            case "virtual-owner" -> owners.virtualOwner(round);
            case "pool-owner" -> owners.poolOwner(round);
            case "dead-owner" -> owners.deadOwner(round);
            case "owner-blocked-elsewhere" -> owners.ownerBlockedElsewhere(round);
            case "iterators" -> sharing.iterators(round);
            case "crosswise" -> sharing.crosswise(round);
            case "guest-resize" -> sharing.guestResize(round);
            default -> throw new IllegalArgumentException(scenario);
          };
      escaped.forEach(e -> hammer.fail("escaped from a thread: " + e, null));
      if (!hammer.failures.isEmpty()) {
        System.err.println(scenario + " failed in round " + round + ":");
        hammer.failures.forEach(System.err::println);
        System.exit(3);
      }
      deleteFiles(dir);
      round++;
    }
    owners.shutdown();
    System.out.printf(
        "ok scenario=%s rounds=%d operations=%d closes=%d resizes=%d racing=%d slowest-close-ms=%d%n",
        scenario,
        round,
        hammer.operations.get(),
        owners.closes,
        owners.resizes,
        hammer.racing.get(),
        owners.slowestCloseNanos / 1_000_000);
    Files.delete(dir);
    System.exit(0);
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
    private final String scenario;
    private volatile int round;
    private volatile long started;

    Watchdog(String scenario) {
      this.scenario = scenario;
      Thread thread = new Thread(this::watch, "watchdog");
      thread.setDaemon(true);
      thread.start();
    }

    void begin(int round) {
      this.round = round;
      this.started = System.nanoTime();
    }

    private void watch() {
      while (true) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
        if (started != 0 && System.nanoTime() - started > HANG_MILLIS * 1_000_000) {
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
