package io.github.mmap4j.reliability;

/**
 * How long each reliability scenario runs. The default run repeats each scenario a fixed, small
 * number of times (the whole package takes about a minute). Under {@code -Preliability-long} the
 * system property {@value #MINUTES} holds the length of the long run, and each scenario repeats for
 * its share of it (the shares below, plus the Kotlin module's 0.10, add up to 1).
 */
final class Soak {
  static final String MINUTES = "mmap4j.reliability.minutes";

  static final double KILLS = 0.20;
  static final double EXHAUSTION = 0.08;
  static final double BAD_INPUT = 0.07;
  static final double OWNERS_AND_GUESTS = 0.30;
  static final double TWO_PROCESSES = 0.25;

  private Soak() {}

  /** The length of the long run in minutes, 0 in the default run. */
  static double minutes() {
    String value = System.getProperty(MINUTES, "").trim();
    return value.isEmpty() ? 0 : Double.parseDouble(value);
  }

  static boolean isLong() {
    return minutes() > 0;
  }

  /** The milliseconds a scenario with this share of the long run gets; 0 in the default run. */
  static long millis(double share) {
    return (long) (minutes() * share * 60_000);
  }

  /**
   * Rounds of a scenario: {@code defaultRounds} in the default run; in a long run as many as fit in
   * its share (at least {@code defaultRounds}).
   */
  static Rounds rounds(double share, int defaultRounds) {
    return new Rounds(defaultRounds, System.nanoTime() + millis(share) * 1_000_000);
  }

  /** Counts rounds until the default number is done and the long run's share is used up. */
  static final class Rounds {
    private final int minimum;
    private final long deadline;
    private int done;

    private Rounds(int minimum, long deadline) {
      this.minimum = minimum;
      this.deadline = deadline;
    }

    /** Whether to run another round; counts it. */
    boolean another() {
      if (done < minimum || System.nanoTime() < deadline) {
        done++;
        return true;
      }
      return false;
    }

    /** The rounds started so far. */
    int count() {
      return done;
    }
  }
}
