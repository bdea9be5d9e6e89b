package io.github.mmap4j.reliability;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child of {@link KilledMidWriteTest}: writes {@link Record}s in order through a shared WRITE
 * map of a file, and after each one prints its number on stdout (one {@code write(2)} per line, so
 * a line the parent sees complete was reported after its record was written). Never ends by itself:
 * when the file is full it waits to be killed.
 *
 * <p>Arguments: the file, and {@code flush} (call {@code flush()} after each record) or {@code
 * no-flush}.
 */
public final class RecordWriterProcess {
  private RecordWriterProcess() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    boolean flush = args[1].equals("flush");
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    try (Mmap map = Mmap.open(file, Access.WRITE)) {
      long slots = map.length() / Record.SIZE;
      for (long n = 0; n < slots; n++) {
        write(map, n);
        if (flush) {
          map.flush();
        }
        out.write((n + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.write("full\n".getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  /** Each of the four ways of writing bytes, in turn; byte by byte makes torn records likely. */
  private static void write(Mmap map, long n) {
    byte[] record = Record.of(n);
    long at = n * Record.SIZE;
    switch ((int) (n % 4)) {
      case 0 -> {
        map.seek(at);
        map.write(record);
      }
      case 1 -> map.setSlice(at, at + Record.SIZE, record);
      case 2 -> {
        map.seek(at);
        map.write(ByteBuffer.wrap(record));
      }
      default -> {
        map.seek(at);
        for (byte b : record) {
          map.writeByte(b & 0xFF);
        }
      }
    }
  }
}
