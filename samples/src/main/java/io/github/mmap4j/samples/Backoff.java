package io.github.mmap4j.samples;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * How one side of the ring waits for the other: {@code Thread.onSpinWait} for a few hundred rounds,
 * then yields, then parks of growing length up to {@value #MAX_PARK_NANOS} ns. Spinning alone would
 * do on idle cores; on two cores shared by both JVMs (and whatever else runs) a spinning side can
 * hold the core the other side needs, so a wait that lasts gives the core away, and the bound on
 * the park keeps the wake-up late by at most a tenth of a millisecond.
 *
 * <p>It is also the side's watchdog: a wait longer than the timeout ends it with a {@link
 * RingStalledException}, so no JVM is left waiting for a side that is gone.
 */
final class Backoff {
  private static final int SPINS = 256;
  private static final int YIELDS = 64;
  private static final long MAX_PARK_NANOS = 100_000;

  private long timeoutNanos;
  private int rounds;
  private long idleSince;

  /** A backoff that gives up after {@code timeoutNanos} of waiting. */
  Backoff(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /** From now on, give up after {@code nanos} without progress. */
  void timeout(long nanos) {
    timeoutNanos = nanos;
  }

  /** The other side moved: the next wait starts spinning again. */
  void progressed() {
    rounds = 0;
  }

  /**
   * Waits a little for the other side.
   *
   * @param waitingFor what this side waits for, for the message ("the consumer to take a record")
   * @throws RingStalledException if the wait since the last {@link #progressed()} is longer than
   *     the timeout
   */
  void idle(String waitingFor) {
    int round = rounds++;
    if (round == 0) {
      idleSince = System.nanoTime();
    }
    if (round < SPINS) {
      Thread.onSpinWait();
      return;
    }
    if (round < SPINS + YIELDS) {
      Thread.yield();
      return;
    }
    long now = System.nanoTime();
    if (now - idleSince > timeoutNanos) {
      throw new RingStalledException(
          String.format(Locale.ROOT, "waited %.1f s for %s", (now - idleSince) / 1e9, waitingFor));
    }
    int parked = Math.min(round - SPINS - YIELDS, 10);
    LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, 1_000L << parked));
  }
}
