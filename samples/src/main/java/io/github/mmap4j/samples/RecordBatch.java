package io.github.mmap4j.samples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Consecutive ring records in a byte array, as they are copied into and out of the map in one call.
 * Each record is one {@link RingLayout#SLOT_SIZE}-byte slot, little-endian:
 *
 * <pre>
 * offset  size  field
 *      0     8  sequence number, from 0
 *      8     8  send time, System.nanoTime() of the producer
 *     16    40  payload, derived from the sequence number
 *     56     8  CRC32C of bytes 0..55
 * </pre>
 */
final class RecordBatch {
  /** The most records copied in one call: 4 KiB. */
  static final int MAX_RECORDS = 64;

  private static final int SEQUENCE = 0;
  private static final int SENT = 8;
  private static final int PAYLOAD = 16;
  private static final int CHECKSUM = 56;

  private final byte[] bytes = new byte[MAX_RECORDS * RingLayout.SLOT_SIZE];
  private final ByteBuffer fields = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();

  /** The array the records are in: record {@code i} at {@code i * SLOT_SIZE}. */
  byte[] bytes() {
    return bytes;
  }

  /** Writes record {@code i} of the batch: number {@code sequence}, sent at {@code sentNanos}. */
  void encode(int i, long sequence, long sentNanos) {
    int at = i * RingLayout.SLOT_SIZE;
    fields.putLong(at + SEQUENCE, sequence);
    fields.putLong(at + SENT, sentNanos);
    long word = sequence;
    for (int k = PAYLOAD; k < CHECKSUM; k += 8) {
      word = mix(word + k);
      fields.putLong(at + k, word);
    }
    fields.putLong(at + CHECKSUM, checksum(at));
  }

  /** Flips one payload bit of record {@code i}, leaving its checksum as it was. */
  void corrupt(int i) {
    bytes[i * RingLayout.SLOT_SIZE + PAYLOAD + 3] ^= 0x10;
  }

  /** Whether record {@code i}'s checksum matches its other 56 bytes. */
  boolean intact(int i) {
    int at = i * RingLayout.SLOT_SIZE;
    return fields.getLong(at + CHECKSUM) == checksum(at);
  }

  /** Record {@code i}'s sequence number. */
  long sequence(int i) {
    return fields.getLong(i * RingLayout.SLOT_SIZE + SEQUENCE);
  }

  /** Record {@code i}'s send time. */
  long sentNanos(int i) {
    return fields.getLong(i * RingLayout.SLOT_SIZE + SENT);
  }

  private long checksum(int at) {
    crc.reset();
    crc.update(bytes, at, CHECKSUM);
    return crc.getValue();
  }

  /** SplitMix64's finalizer: payload bytes that differ from record to record. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
