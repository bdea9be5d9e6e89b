package io.github.mmap4j.samples;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.apache.commons.io.HexDump;

/**
 * The patch sample's file format: a 16-byte header, then fixed-size records, all big-endian.
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "RECS"
 *      4     2  version
 *      6     2  reserved (0)
 *      8     4  record count
 *     12     4  CRC32 of all the records
 *     16  16×n  records: id (4), unix time (4), reading in thousandths (8)
 * </pre>
 */
public final class RecordFile {
  /** The first four bytes of every record file. */
  public static final String MAGIC = "RECS";

  public static final int VERSION_OFFSET = 4;
  public static final int COUNT_OFFSET = 8;
  public static final int CHECKSUM_OFFSET = 12;
  public static final int HEADER_SIZE = 16;
  public static final int RECORD_SIZE = 16;

  /** Where the reading of record {@code i} (from 0) starts. */
  public static int readingOffset(int i) {
    return HEADER_SIZE + i * RECORD_SIZE + 8;
  }

  private RecordFile() {}

  /** The header's fields. */
  public record Header(String magic, int version, long count, long checksum) {
    @Override
    public String toString() {
      return String.format(
          "magic %s, version %d, %d records, checksum 0x%08x", magic, version, count, checksum);
    }
  }

  /** Writes a version-1 file with four sensor readings; returns its bytes. */
  public static byte[] create(Path file) throws IOException {
    long[] readings = {21_370, 21_412, -3_050, 21_498};
    ByteBuffer records = ByteBuffer.allocate(readings.length * RECORD_SIZE);
    for (int i = 0; i < readings.length; i++) {
      records.putInt(1001 + i).putInt(1_741_939_200 + 60 * i).putLong(readings[i]);
    }
    ByteBuffer whole = ByteBuffer.allocate(HEADER_SIZE + records.capacity());
    whole.put(MAGIC.getBytes(US_ASCII)).putShort((short) 1).putShort((short) 0);
    whole.putInt(readings.length).putInt((int) checksum(records.array()));
    whole.put(records.array());
    Files.write(file, whole.array());
    return whole.array();
  }

  /** The header at the start of {@code bytes}. */
  public static Header header(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, HEADER_SIZE);
    byte[] magic = new byte[4];
    b.get(magic);
    int version = Short.toUnsignedInt(b.getShort());
    b.getShort(); // reserved
    return new Header(
        new String(magic, US_ASCII),
        version,
        Integer.toUnsignedLong(b.getInt()),
        Integer.toUnsignedLong(b.getInt()));
  }

  /** CRC32 of {@code records}, as the header stores it. */
  public static long checksum(byte[] records) {
    CRC32 crc = new CRC32();
    crc.update(records);
    return crc.getValue();
  }

  /** A hex dump ({@code 00000000 52 45 43 53 … RECS…}) of {@code bytes}, from Commons IO. */
  public static String hexDump(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    try {
      HexDump.dump(bytes, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString().stripTrailing();
  }

  /** The offsets where {@code before} and {@code after} differ, e.g. {@code [4, 5]}. */
  public static String changedOffsets(byte[] before, byte[] after) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length || i >= after.length || before[i] != after[i]) {
        out.append(out.isEmpty() ? "" : ", ").append(i);
      }
    }
    return out.isEmpty() ? "none" : out.toString();
  }
}
