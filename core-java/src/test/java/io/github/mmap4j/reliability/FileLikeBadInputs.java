package io.github.mmap4j.reliability;

import static io.github.mmap4j.reliability.BadInput.of;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.CHANNEL;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.OFFSET;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.PATH;

import io.github.mmap4j.Whence;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Error cases of the file-like calls: {@code read_byte}, {@code write} (all or nothing: data that
 * does not fit writes nothing), {@code write_byte}, {@code seek} and {@code move}.
 */
final class FileLikeBadInputs {
  static final String READ_BYTE = "read byte out of range";
  static final String WRITE_BYTE = "write byte out of range";
  static final String DATA = "data out of range";
  static final String SEEK = "seek out of range";
  static final String BYTE_TOO_BIG = "unsigned byte integer is greater than maximum";
  static final String BYTE_TOO_SMALL = "unsigned byte integer is less than minimum";
  static final String MOVE = "source, destination, or count out of range";

  private static final Class<IndexOutOfBoundsException> IOOBE = IndexOutOfBoundsException.class;
  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

  private FileLikeBadInputs() {}

  static List<BadInput> all() {
    return List.of(
        of(PATH, "m.readByte() at n", IOOBE, READ_BYTE, f -> f.map.readByte())
            .at(BadInputFixture::n),
        of(PATH, "m.write(3 bytes) at n - 2", IOOBE, DATA, f -> f.map.write(bytes(3)))
            .at(f -> f.n() - 2),
        of(OFFSET, "m.write(3 bytes) at n - 2", IOOBE, DATA, f -> f.map.write(bytes(3)))
            .at(f -> f.n() - 2),
        of(CHANNEL, "m.write(3 bytes) at n - 2", IOOBE, DATA, f -> f.map.write(bytes(3)))
            .at(f -> f.n() - 2),
        of(
            PATH,
            "m.write(n + 1 bytes) at 0",
            IOOBE,
            DATA,
            f -> f.map.write(bytes((int) f.n() + 1))),
        of(PATH, "m.write(1 byte) at n", IOOBE, DATA, f -> f.map.write(bytes(1)))
            .at(BadInputFixture::n),
        of(
                PATH,
                "m.write(3-byte ByteBuffer) at n - 2",
                IOOBE,
                DATA,
                f -> {
                  ByteBuffer source = ByteBuffer.wrap(bytes(3));
                  try {
                    f.map.write(source);
                  } finally {
                    if (source.position() != 0) {
                      throw new AssertionError("the source buffer moved to " + source.position());
                    }
                  }
                })
            .at(f -> f.n() - 2),
        of(PATH, "m.writeByte(256)", IAE, BYTE_TOO_BIG, f -> f.map.writeByte(256)),
        of(PATH, "m.writeByte(-1)", IAE, BYTE_TOO_SMALL, f -> f.map.writeByte(-1)),
        of(PATH, "m.writeByte(1) at n", IOOBE, WRITE_BYTE, f -> f.map.writeByte(1))
            .at(BadInputFixture::n),
        of(PATH, "m.seek(n + 1)", IOOBE, SEEK, f -> f.map.seek(f.n() + 1)),
        of(PATH, "m.seek(-1)", IOOBE, SEEK, f -> f.map.seek(-1)),
        of(PATH, "m.seek(1, END)", IOOBE, SEEK, f -> f.map.seek(1, Whence.END)),
        of(PATH, "m.seek(-n - 1, END)", IOOBE, SEEK, f -> f.map.seek(-f.n() - 1, Whence.END)),
        of(PATH, "m.seek(-5, CUR) at 4", IOOBE, SEEK, f -> f.map.seek(-5, Whence.CUR)).at(f -> 4),
        of(
                PATH,
                "m.seek(Long.MAX_VALUE, CUR) at 5",
                IOOBE,
                SEEK,
                f -> f.map.seek(Long.MAX_VALUE, Whence.CUR))
            .at(f -> 5),
        of(
            PATH,
            "m.seek(Long.MIN_VALUE, END)",
            IOOBE,
            SEEK,
            f -> f.map.seek(Long.MIN_VALUE, Whence.END)),
        of(PATH, "m.move(0, 0, n + 1)", IAE, MOVE, f -> f.map.move(0, 0, f.n() + 1)),
        of(PATH, "m.move(n + 1, 0, 0)", IAE, MOVE, f -> f.map.move(f.n() + 1, 0, 0)),
        of(PATH, "m.move(0, n + 1, 0)", IAE, MOVE, f -> f.map.move(0, f.n() + 1, 0)),
        of(PATH, "m.move(-1, 0, 1)", IAE, MOVE, f -> f.map.move(-1, 0, 1)),
        of(PATH, "m.move(0, -1, 1)", IAE, MOVE, f -> f.map.move(0, -1, 1)),
        of(PATH, "m.move(0, 0, -1)", IAE, MOVE, f -> f.map.move(0, 0, -1)),
        of(PATH, "m.move(5, 0, Long.MAX_VALUE)", IAE, MOVE, f -> f.map.move(5, 0, Long.MAX_VALUE)),
        of(PATH, "m.move(1, 0, n)", IAE, MOVE, f -> f.map.move(1, 0, f.n())),
        of(OFFSET, "m.move(0, 1, n)", IAE, MOVE, f -> f.map.move(0, 1, f.n())));
  }

  /** {@code count} bytes of 0x5A. */
  private static byte[] bytes(int count) {
    byte[] value = new byte[count];
    java.util.Arrays.fill(value, (byte) 0x5A);
    return value;
  }
}
