package io.github.mmap4j.samples;

import io.github.mmap4j.Mmap;

/**
 * What the parent tells the producer and the consumer, in the ring file's header: the children take
 * nothing but the file's path on their command line.
 *
 * @param capacity slots in the ring
 * @param records records to send
 * @param rate records per second the producer paces itself to; 0 sends as fast as the ring allows
 * @param faults whether the producer drops, repeats and corrupts one record each (see {@link
 *     #dropped()}), to show that the consumer's checks catch them
 * @param stallMillis how long a side waits for the other to move before it gives up
 * @param startupMillis how long a side waits for the other JVM to start
 */
record RingSettings(
    long capacity, long records, long rate, boolean faults, long stallMillis, long startupMillis) {

  /** The record the producer leaves out when {@link #faults()} is set. */
  long dropped() {
    return records / 4;
  }

  /** The record the producer sends twice when {@link #faults()} is set. */
  long repeated() {
    return records / 2;
  }

  /** The record whose payload the producer changes after its checksum, with {@link #faults()}. */
  long corrupted() {
    return records / 4 * 3;
  }

  /** Writes the magic and the settings at the start of the file. */
  void writeTo(Mmap m) {
    m.setLong(0, RingLayout.MAGIC);
    m.setLong(8, capacity);
    m.setLong(16, records);
    m.setLong(24, rate);
    m.setLong(32, faults ? 1 : 0);
    m.setLong(40, stallMillis);
    m.setLong(48, startupMillis);
  }

  /**
   * The settings in {@code m}'s header.
   *
   * @throws IllegalArgumentException if the file does not start with the magic
   */
  static RingSettings readFrom(Mmap m) {
    if (m.getLong(0) != RingLayout.MAGIC) {
      throw new IllegalArgumentException("not a ring file of the ipc sample (no magic)");
    }
    return new RingSettings(
        m.getLong(8),
        m.getLong(16),
        m.getLong(24),
        m.getLong(32) != 0,
        m.getLong(40),
        m.getLong(48));
  }
}
