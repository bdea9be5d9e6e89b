package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressWatchdogTest {
  private static final long SECOND = 1_000_000_000L;
  private static final RingSettings SETTINGS = new RingSettings(8, 100, 0, false, 10_000, 60_000);

  @Test
  void countersThatStayPutLongerThanTheTimeoutAreStalled() {
    ProgressWatchdog w = new ProgressWatchdog(10 * SECOND);
    assertFalse(w.stalled(5, 3, 0));
    assertFalse(w.stalled(5, 3, 10 * SECOND));
    assertTrue(w.stalled(5, 3, 10 * SECOND + 1));
  }

  @Test
  void anyMoveRestartsTheClock() {
    ProgressWatchdog w = new ProgressWatchdog(10 * SECOND);
    w.stalled(5, 3, 0);
    assertFalse(w.stalled(5, 4, 9 * SECOND));
    assertFalse(w.stalled(5, 4, 18 * SECOND));
    assertTrue(w.stalled(5, 4, 20 * SECOND));
  }

  @Test
  void anEmptyRingBlamesTheProducer() {
    ProgressWatchdog w = new ProgressWatchdog(SECOND);
    w.stalled(40, 40, 0);
    assertEquals(
        "the producer published nothing for 2.5 s (40 of 100 records sent, all taken)",
        w.diagnose(SETTINGS, 2_500_000_000L));
  }

  @Test
  void aFullRingBlamesTheConsumer() {
    ProgressWatchdog w = new ProgressWatchdog(SECOND);
    w.stalled(48, 40, 0);
    assertEquals(
        "the consumer took nothing for 2.0 s (the ring is full; 40 of 100 records taken)",
        w.diagnose(SETTINGS, 2 * SECOND));
  }

  @Test
  void aRingNeitherEmptyNorFullBlamesNeither() {
    ProgressWatchdog w = new ProgressWatchdog(SECOND);
    w.stalled(45, 40, 0);
    assertEquals(
        "neither side moved for 3.0 s (45 records published, 40 taken, of 100)",
        w.diagnose(SETTINGS, 3 * SECOND));
  }
}
