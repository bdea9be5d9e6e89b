package io.github.mmap4j.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Concurrent close and resize never crash, hang or fail other than documented, whoever created the
 * map: a virtual thread, a pool thread that has moved on to other maps or is blocked opening one, a
 * thread that has ended; with iterators in use while the map is closed, and with two maps closed
 * crosswise by each other's creators. The scenarios run in a child JVM ({@link OwnerGuestStress})
 * whose readers check every byte against the round's content (each round's differs, so reading an
 * unmapped map's memory that a new map now occupies is caught, not only a SIGSEGV); a watchdog ends
 * a hung round.
 *
 * <p>Sharpness: the test asserts that readers were in the middle of their work when the close came
 * ({@code racing}); a scenario where the close always came first would prove nothing.
 */
class OwnersAndGuestsTest {
  // More carriers than a round has virtual threads: a virtual closer must not wait for a carrier
  // while virtual readers keep both of a 2-core machine's busy (that tests the scheduler).
  private static final List<String> CHILD_JVM =
      List.of("-Xmx256m", "-Djdk.virtualThreadScheduler.parallelism=4");

  @RegisterExtension static final Figures FIGURES = new Figures("owners and guests");

  private static final Map<String, Integer> ROUNDS = new LinkedHashMap<>();

  static {
    ROUNDS.put("virtual-owner", 10);
    ROUNDS.put("pool-owner", 10);
    ROUNDS.put("dead-owner", 10);
    ROUNDS.put("owner-blocked-elsewhere", 2);
    ROUNDS.put("iterators", 10);
    ROUNDS.put("crosswise", 10);
    ROUNDS.put("guest-resize", 10);
    ROUNDS.put("file-calls-racing-close", 50);
  }

  private static ChildJvm child;
  private static Map<String, String> lines;

  @Test
  void virtualThreadCreatorWhileGuestsReadAndAnotherCloses() throws Exception {
    assertSurvived("virtual-owner");
  }

  @Test
  void poolThreadCreatorThatMovedOnToOtherMaps() throws Exception {
    assertSurvived("pool-owner");
  }

  @Test
  void creatorThreadThatHasEnded() throws Exception {
    assertSurvived("dead-owner");
  }

  @Test
  void creatorBlockedOpeningAnotherFileDoesNotBlockClose() throws Exception {
    assertSurvived("owner-blocked-elsewhere");
  }

  @Test
  void iteratorsInUseWhileTheMapIsClosed() throws Exception {
    assertSurvived("iterators");
  }

  @Test
  void twoMapsClosedCrosswiseByEachOthersCreator() throws Exception {
    assertSurvived("crosswise");
  }

  @Test
  void guestsResizeWhileTheVirtualCreatorReads() throws Exception {
    assertSurvived("guest-resize");
  }

  @Test
  void sizeAndResizeRacingCloseFailOnlyAsClosed() throws Exception {
    assertSurvived("file-calls-racing-close");
  }

  /**
   * Runs every scenario in one child JVM (one start-up instead of eight), each for at least its
   * rounds and 1 s (a long run: for its share of the minutes); the child must exit cleanly.
   */
  private static synchronized Map<String, String> runAll() throws Exception {
    if (lines == null) {
      long millis = Soak.isLong() ? Soak.millis(Soak.OWNERS_AND_GUESTS / ROUNDS.size()) : 1000;
      List<String> args = new ArrayList<>();
      args.add("" + millis);
      ROUNDS.forEach((scenario, rounds) -> args.add(scenario + ":" + rounds));
      child = ChildJvm.start(OwnerGuestStress.class, CHILD_JVM, args.toArray(String[]::new));
      lines = new HashMap<>();
      try {
        child.assertExitsCleanly(Duration.ofMillis(millis * ROUNDS.size()).plusMinutes(5));
      } finally {
        child
            .stdout()
            .lines()
            .filter(l -> l.contains("scenario="))
            .forEach(l -> lines.put(l.replaceAll(".*scenario=([a-z-]+).*", "$1"), l));
      }
    }
    return lines;
  }

  private static void assertSurvived(String scenario) throws Exception {
    String line;
    try {
      line = runAll().get(scenario);
    } catch (AssertionError e) {
      line = lines.get(scenario);
      if (line == null || !line.startsWith("ok ")) {
        throw e; // this scenario crashed or hung the child (or never ran)
      }
    }
    String found = line;
    assertTrue(
        found != null && found.startsWith("ok "),
        () -> scenario + ": " + found + "\n" + child.describe());
    Map<String, Long> figures = parse(found);
    assertTrue(figures.get("rounds") >= ROUNDS.get(scenario), found);
    FIGURES.operations(figures.get("operations"));
    FIGURES.faults(figures.get("closes") + figures.get("resizes"));
    assertTrue(
        figures.get("racing") >= figures.get("rounds") / 2,
        () -> "readers were seldom in the middle of their work at the close: " + found);
  }

  private static Map<String, Long> parse(String line) {
    Map<String, Long> figures = new HashMap<>();
    for (String field : line.split(" ")) {
      int eq = field.indexOf('=');
      if (eq > 0 && !field.startsWith("scenario=")) {
        figures.put(field.substring(0, eq), Long.parseLong(field.substring(eq + 1)));
      }
    }
    return figures;
  }
}
