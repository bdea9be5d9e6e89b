package io.github.mmap4j.reliability;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A self-describing 64-byte record: slot {@code n} of a record file holds {@link #of(long) of(n)},
 * so any byte of such a file can be checked on its own. The layout is text, one line per record:
 * {@code REC:<n, 16 hex digits>:<33 letters derived from n>:<CRC-32 of the first 55 bytes, 8 hex
 * digits>\n}. Nothing but a record slot start holds {@code REC:} (the rest is lowercase).
 */
final class Record {
  static final int SIZE = 64;
  static final byte[] MAGIC = "REC:".getBytes(StandardCharsets.US_ASCII);

  /** What a slot of a file holds. */
  enum State {
    /** exactly the record */
    COMPLETE,
    /** only zeros: never written, or cut off by a resize */
    ZERO,
    /** each byte is the record's or zero, some of each: a write in progress, or cut by a kill */
    PARTIAL,
    /** some byte is neither the record's nor zero: corruption */
    FOREIGN
  }

  private Record() {}

  /** The record of slot {@code n}. */
  static byte[] of(long n) {
    StringBuilder text = new StringBuilder(SIZE);
    text.append("REC:").append(String.format("%016x", n)).append(':');
    long state = n * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    for (int i = 0; i < 33; i++) {
      state ^= state >>> 29;
      state *= 0xBF58476D1CE4E5B9L;
      state ^= state >>> 32;
      text.append((char) ('a' + Math.floorMod(state, 26)));
    }
    text.append(':');
    CRC32 crc = new CRC32();
    crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
    text.append(String.format("%08x", crc.getValue())).append('\n');
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    if (bytes.length != SIZE) {
      throw new AssertionError("record layout is " + bytes.length + " bytes");
    }
    return bytes;
  }

  /** The state of slot {@code n}, whose bytes are {@code data[from, from + SIZE)}. */
  static State classify(byte[] data, int from, long n) {
    byte[] expected = of(n);
    int matching = 0;
    int zeros = 0;
    for (int i = 0; i < SIZE; i++) {
      byte b = data[from + i];
      if (b == expected[i]) {
        matching++;
      } else if (b == 0) {
        zeros++;
      } else {
        return State.FOREIGN;
      }
    }
    if (matching == SIZE) {
      return State.COMPLETE;
    }
    return zeros == SIZE ? State.ZERO : State.PARTIAL;
  }

  /**
   * The first byte of {@code data} (which starts at file offset {@code fileOffset}) that is neither
   * the record byte of its slot nor zero, as a message; null if there is none.
   */
  static String firstForeignByte(byte[] data, long fileOffset) {
    long slot = -1;
    byte[] expected = null;
    for (int i = 0; i < data.length; i++) {
      long at = fileOffset + i;
      if (at / SIZE != slot) {
        slot = at / SIZE;
        expected = of(slot);
      }
      byte b = data[i];
      if (b != 0 && b != expected[(int) (at % SIZE)]) {
        return "file byte "
            + at
            + " (slot "
            + slot
            + ") is "
            + (b & 0xFF)
            + ", neither its record's byte "
            + (expected[(int) (at % SIZE)] & 0xFF)
            + " nor 0";
      }
    }
    return null;
  }
}
