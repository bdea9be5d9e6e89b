package io.github.mmap4j.samples;

import java.util.Locale;

/**
 * The parent's view of the ring's progress: the head and the tail it last saw, and since when they
 * have stayed as they are.
 */
final class ProgressWatchdog {
  private final long timeoutNanos;
  private long head = -1;
  private long tail = -1;
  private long changedAt;

  /** A watchdog that calls a ring stalled once its counters stay put for {@code timeoutNanos}. */
  ProgressWatchdog(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /**
   * Whether {@code head} and {@code tail}, seen at {@code now}, are the values seen more than the
   * timeout ago, with no other values seen in between.
   */
  boolean stalled(long head, long tail, long now) {
    if (head != this.head || tail != this.tail) {
      this.head = head;
      this.tail = tail;
      changedAt = now;
      return false;
    }
    return now - changedAt > timeoutNanos;
  }

  /**
   * What the stall says about the sides, in words: which one stopped, and since how long at {@code
   * now}.
   */
  String diagnose(RingSettings settings, long now) {
    double seconds = (now - changedAt) / 1e9;
    if (head == tail) {
      return String.format(
          Locale.ROOT,
          "the producer published nothing for %.1f s (%,d of %,d records sent, all taken)",
          seconds,
          head,
          settings.records());
    }
    if (head - tail == settings.capacity()) {
      return String.format(
          Locale.ROOT,
          "the consumer took nothing for %.1f s (the ring is full; %,d of %,d records taken)",
          seconds,
          tail,
          settings.records());
    }
    return String.format(
        Locale.ROOT,
        "neither side moved for %.1f s (%,d records published, %,d taken, of %,d)",
        seconds,
        head,
        tail,
        settings.records());
  }
}
