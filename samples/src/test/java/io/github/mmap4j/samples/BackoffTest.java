package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final long TIMEOUT = 200_000_000;

  /** Idles for {@code nanos}; the caller has checked that this is less than the timeout. */
  private static void idleFor(Backoff backoff, long nanos) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < nanos) {
      backoff.idle("the test");
    }
  }

  @Test
  void aWaitLongerThanTheTimeoutGivesUpNamingWhatItWaitedFor() {
    Backoff backoff = new Backoff(TIMEOUT);
    long start = System.nanoTime();
    RingStalledException e =
        assertThrows(
            RingStalledException.class,
            () -> {
              while (true) {
                backoff.idle("the consumer to take a record");
              }
            });
    assertTrue(System.nanoTime() - start >= TIMEOUT);
    assertTrue(
        e.getMessage().matches("waited \\d+\\.\\d s for the consumer to take a record"),
        e.getMessage());
  }

  @Test
  void progressStartsTheWaitOver() {
    Backoff backoff = new Backoff(TIMEOUT);
    // Three half timeouts of waiting in all, with progress in between.
    assertDoesNotThrow(() -> {
      idleFor(backoff, TIMEOUT / 2);
      backoff.progressed();
      idleFor(backoff, TIMEOUT / 2);
      backoff.progressed();
      idleFor(backoff, TIMEOUT / 2);
    });
  }

  @Test
  void aShorterTimeoutTakesEffect() {
    Backoff backoff = new Backoff(60_000_000_000L);
    backoff.timeout(TIMEOUT / 4);
    long start = System.nanoTime();
    assertThrows(
        RingStalledException.class,
        () -> {
          while (true) {
            backoff.idle("the test");
          }
        });
    assertTrue(System.nanoTime() - start < 30_000_000_000L);
  }
}
