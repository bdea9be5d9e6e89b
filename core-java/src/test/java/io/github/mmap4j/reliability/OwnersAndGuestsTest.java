package io.github.mmap4j.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Concurrent close and resize never crash, hang or fail other than documented, whoever created the
 * map: a virtual thread, a pool thread that has moved on to other maps or is blocked opening one, a
 * thread that has ended; with iterators in use while the map is closed, and with two maps closed
 * crosswise by each other's creators. Each scenario runs in a child JVM ({@link OwnerGuestStress})
 * whose readers check every byte against the round's content (each round's differs, so reading an
 * unmapped map's memory that a new map now occupies is caught, not only a SIGSEGV); a watchdog ends
 * a hung round.
 *
 * <p>Sharpness: the test asserts that readers were in the middle of their work when the close came
 * ({@code racing}); a scenario where the close always came first would prove nothing.
 */
class OwnersAndGuestsTest {
  private static final int SCENARIOS = 7;
  // More carriers than a round has virtual threads: a virtual closer must not wait for a carrier
  // while virtual readers keep both of a 2-core machine's busy (that tests the scheduler).
  private static final List<String> CHILD_JVM =
      List.of("-Xmx256m", "-Djdk.virtualThreadScheduler.parallelism=4");

  @RegisterExtension static final Figures FIGURES = new Figures("owners and guests");

  @Test
  void virtualThreadCreatorWhileGuestsReadAndAnotherCloses() throws Exception {
    assertSurvives("virtual-owner", 10);
  }

  @Test
  void poolThreadCreatorThatMovedOnToOtherMaps() throws Exception {
    assertSurvives("pool-owner", 10);
  }

  @Test
  void creatorThreadThatHasEnded() throws Exception {
    assertSurvives("dead-owner", 10);
  }

  @Test
  void creatorBlockedOpeningAnotherFileDoesNotBlockClose() throws Exception {
    assertSurvives("owner-blocked-elsewhere", 2);
  }

  @Test
  void iteratorsInUseWhileTheMapIsClosed() throws Exception {
    assertSurvives("iterators", 10);
  }

  @Test
  void twoMapsClosedCrosswiseByEachOthersCreator() throws Exception {
    assertSurvives("crosswise", 10);
  }

  @Test
  void guestsResizeWhileTheVirtualCreatorReads() throws Exception {
    assertSurvives("guest-resize", 10);
  }

  /**
   * Runs at least {@code rounds} rounds of a scenario for at least 1.5 s (a long run: for its share
   * of the minutes) in a child JVM, which must exit cleanly.
   */
  private static void assertSurvives(String scenario, int rounds) throws Exception {
    long millis = Soak.isLong() ? Soak.millis(Soak.OWNERS_AND_GUESTS / SCENARIOS) : 1500;
    try (ChildJvm child =
        ChildJvm.start(OwnerGuestStress.class, CHILD_JVM, scenario, "" + rounds, "" + millis)) {
      child.assertExitsCleanly(Duration.ofMillis(millis).plusMinutes(5));
      String line = child.stdout().lines().filter(l -> l.startsWith("ok ")).findFirst().orElse("");
      Map<String, Long> figures = parse(line);
      assertTrue(
          figures.getOrDefault("rounds", 0L) >= rounds, () -> "no summary\n" + child.describe());
      FIGURES.operations(figures.get("operations"));
      FIGURES.faults(figures.get("closes") + figures.get("resizes"));
      long racing = figures.get("racing");
      assertTrue(
          racing >= figures.get("rounds") / 2,
          () -> "readers were seldom in the middle of their work at the close: " + line);
    }
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
