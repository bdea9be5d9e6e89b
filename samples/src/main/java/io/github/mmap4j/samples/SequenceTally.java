package io.github.mmap4j.samples;

import java.util.BitSet;

/**
 * The consumer's account of what arrived: one bit per sequence number, so a record that comes twice
 * is caught wherever the second copy is, and every number never seen intact is lost.
 */
final class SequenceTally {
  private final long records;
  private final BitSet seen;
  private long received;
  private long duplicated;
  private long checksumFailures;
  private long unexpected;

  /** A tally for a run that sends the numbers {@code 0 .. records - 1}. */
  SequenceTally(long records) {
    if (records < 0 || records > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("records must be 0.." + Integer.MAX_VALUE);
    }
    this.records = records;
    this.seen = new BitSet((int) records);
  }

  /** An intact record numbered {@code sequence} arrived. */
  void intact(long sequence) {
    received++;
    if (sequence < 0 || sequence >= records) {
      unexpected++;
    } else if (seen.get((int) sequence)) {
      duplicated++;
    } else {
      seen.set((int) sequence);
    }
  }

  /** A record arrived whose checksum does not match: its number cannot be trusted. */
  void checksumFailure() {
    received++;
    checksumFailures++;
  }

  /** Records taken from the ring, intact or not. */
  long received() {
    return received;
  }

  /** Numbers never seen in an intact record (a corrupted record's number counts here too). */
  long lost() {
    return records - seen.cardinality();
  }

  /** Intact records whose number had been seen before. */
  long duplicated() {
    return duplicated;
  }

  /** Records whose checksum did not match. */
  long checksumFailures() {
    return checksumFailures;
  }

  /** Intact records with a number outside {@code 0 .. records - 1}. */
  long unexpected() {
    return unexpected;
  }
}
