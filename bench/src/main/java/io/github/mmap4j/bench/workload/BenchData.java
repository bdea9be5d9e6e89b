package io.github.mmap4j.bench.workload;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.Reader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The files that {@code bench/make_data.py} writes and the values its manifest records: sizes,
 * needles, the W8 offsets and the expected results every check compares against.
 */
public final class BenchData {
  private static final long GIB = 1L << 30;

  private final Path dir;
  private final Properties manifest = new Properties();
  private final Path scratchDir;

  /** Reads {@code dir/manifest.properties}; scratch copies go to tmpfs when it has room. */
  public BenchData(Path dir) throws IOException {
    this.dir = dir;
    try (Reader r = Files.newBufferedReader(dir.resolve("manifest.properties"))) {
      manifest.load(r);
    }
    scratchDir = scratchFolder(dir);
    Files.createDirectories(scratchDir);
  }

  /**
   * {@code /dev/shm/mmap4j-bench-scratch} when {@code /dev/shm} has more than 1 GiB free: tmpfs has
   * no disk writeback to disturb the write workloads. Otherwise {@code DIR/scratch}.
   */
  private static Path scratchFolder(Path dataDir) {
    Path shm = Path.of("/dev/shm");
    try {
      FileStore store = Files.getFileStore(shm);
      if (store.getUsableSpace() > GIB) {
        return shm.resolve("mmap4j-bench-scratch");
      }
    } catch (IOException notThere) {
      // fall back to the data folder
    }
    return dataDir.resolve("scratch");
  }

  /** A number from the manifest. */
  public long value(String key) {
    String v = manifest.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("manifest has no " + key + " (regenerate with make_data.py)");
    }
    return Long.parseLong(v);
  }

  /** A needle the manifest stores in hex. */
  public byte[] needle(String key) {
    return HexFormat.of().parseHex(manifest.getProperty(key));
  }

  /** The data file a manifest key names. */
  public Path file(String key) {
    return dir.resolve(manifest.getProperty(key));
  }

  Path scratchDir() {
    return scratchDir;
  }

  /** "Map RO": the whole file read-only through a channel that stays open. */
  OpenMap mapRead(String fileKey) throws IOException {
    FileChannel channel = FileChannel.open(file(fileKey), StandardOpenOption.READ);
    return new OpenMap(channel, Mmap.map(channel, 0, Access.READ), null);
  }

  /** "Map RW" of a fresh scratch file holding {@code lines.bin[0:size]}, deleted on close. */
  OpenMap mapScratch(String name, long size) throws IOException {
    Path copy = scratchDir.resolve(name + "-jvm" + ProcessHandle.current().pid() + ".bin");
    try (FileChannel from = FileChannel.open(file("lines_file"));
        FileChannel to =
            FileChannel.open(
                copy,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      for (long done = 0; done < size; ) {
        done += from.transferTo(done, size - done, to);
      }
    }
    FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new OpenMap(channel, Mmap.map(channel, 0, Access.WRITE), copy);
  }

  /** The first {@code size} bytes of a data file, read without mapping it. */
  byte[] head(String fileKey, int size) throws IOException {
    try (FileChannel channel = FileChannel.open(file(fileKey))) {
      ByteBuffer buf = ByteBuffer.allocate(size);
      while (buf.hasRemaining() && channel.read(buf) >= 0) {
        // keep reading
      }
      return buf.array();
    }
  }

  /** The W8 offsets: {@code w8_count} little-endian unsigned 64-bit values. */
  long[] offsets() throws IOException {
    int count = Math.toIntExact(value("w8_count"));
    ByteBuffer raw = ByteBuffer.wrap(head("w8_offsets_file", count * Long.BYTES));
    long[] out = new long[count];
    raw.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
    return out;
  }

  /**
   * The raw-JDK way to map a data file: {@code FileChannel.map(READ_ONLY, 0, size, arena)} with a
   * confined arena (the same kind mmap4j uses for a borrowed channel), no library code.
   */
  RawMap mapRaw(String fileKey) throws IOException {
    FileChannel channel = FileChannel.open(file(fileKey));
    Arena arena = Arena.ofConfined();
    MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
    return new RawMap(channel, arena, segment);
  }

  /** Something a workload's setup mapped; closing unmaps it. */
  sealed interface Mapped extends AutoCloseable permits OpenMap, RawMap {
    @Override
    void close() throws IOException;
  }

  /** A segment mapped by {@link #mapRaw}; closing unmaps it and closes the channel. */
  record RawMap(FileChannel channel, Arena arena, MemorySegment segment) implements Mapped {
    @Override
    public void close() throws IOException {
      arena.close();
      channel.close();
    }
  }

  /** A map, the channel it borrows, and the scratch file to delete (or null). */
  record OpenMap(FileChannel channel, Mmap map, Path scratch) implements Mapped {
    @Override
    public void close() throws IOException {
      map.close();
      channel.close();
      if (scratch != null) {
        Files.deleteIfExists(scratch);
      }
    }
  }
}
