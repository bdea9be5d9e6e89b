package io.github.mmap4j.bench;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 1 MiB bulk operations (W8, W9, W11, W12 of WORKLOADS.md at a smaller size): one invocation walks
 * 64 MiB in 1 MiB steps with {@code slice}, {@code read(n)} or {@code setSlice}, or moves 32 MiB in
 * 1 MiB {@code move} calls inside a 64 MiB tmpfs scratch map. Every slice and read is a new array,
 * as in CPython. The baselines are the same copies with {@link MemorySegment#copy} and {@link
 * MappedByteBuffer#get(byte[])}.
 */
public class BulkBenchmark extends BenchmarkSettings {
  private static final int CHUNK = BenchFiles.CHUNK;
  private static final int SIZE = BenchFiles.BULK_SIZE;
  private static final int HALF = SIZE / 2;

  private FileChannel textChannel;
  private FileChannel scratchChannel;
  private Path scratch;
  private Mmap map;
  private Mmap scratchMap;
  private MappedByteBuffer buffer;
  private Arena arena;
  private MemorySegment segment;
  private MemorySegment scratchSegment;
  private byte[] pattern;
  private long expectedSum;
  private long sum = -1;

  @Setup(Level.Trial)
  public void open() throws IOException {
    BenchFiles files = BenchFiles.ensure();
    textChannel = FileChannel.open(files.text);
    map = Mmap.map(textChannel, 0, Access.READ);
    buffer = textChannel.map(FileChannel.MapMode.READ_ONLY, 0, SIZE);
    arena = Arena.ofShared();
    segment = textChannel.map(FileChannel.MapMode.READ_ONLY, 0, SIZE, arena);
    scratch = files.scratchCopy("bulk.bin", SIZE);
    scratchChannel = FileChannel.open(scratch, StandardOpenOption.READ, StandardOpenOption.WRITE);
    scratchMap = Mmap.map(scratchChannel, 0, Access.WRITE);
    scratchSegment = scratchChannel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, arena);
    pattern = new byte[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      pattern[i] = (byte) i;
    }
    for (long off = 0; off < SIZE; off += CHUNK) {
      expectedSum += map.get(off + CHUNK - 1);
    }
  }

  @Benchmark
  public long slice1m() {
    Mmap m = map;
    long s = 0;
    for (long off = 0; off < SIZE; off += CHUNK) {
      s += m.slice(off, off + CHUNK)[CHUNK - 1] & 0xFF;
    }
    return sum = s;
  }

  @Benchmark
  public long read1m() {
    Mmap m = map;
    m.seek(0);
    long s = 0;
    for (int k = 0; k < SIZE / CHUNK; k++) {
      byte[] b = m.read(CHUNK);
      s += b[b.length - 1] & 0xFF;
    }
    return sum = s;
  }

  @Benchmark
  public void setSlice1m() {
    Mmap m = scratchMap;
    for (long off = 0; off < SIZE; off += CHUNK) {
      m.setSlice(off, off + CHUNK, pattern);
    }
  }

  @Benchmark
  public void move1m() {
    Mmap m = scratchMap;
    for (long off = 0; off < HALF; off += CHUNK) {
      m.move(HALF + off, off, CHUNK);
    }
  }

  @Benchmark
  public long segmentSlice1m() {
    MemorySegment seg = segment;
    long s = 0;
    for (long off = 0; off < SIZE; off += CHUNK) {
      byte[] b = new byte[CHUNK];
      MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, off, b, 0, CHUNK);
      s += b[CHUNK - 1] & 0xFF;
    }
    return sum = s;
  }

  @Benchmark
  public long bufferRead1m() {
    MappedByteBuffer buf = buffer;
    buf.position(0);
    long s = 0;
    for (int k = 0; k < SIZE / CHUNK; k++) {
      byte[] b = new byte[CHUNK];
      buf.get(b);
      s += b[CHUNK - 1] & 0xFF;
    }
    return sum = s;
  }

  @Benchmark
  public void segmentSetSlice1m() {
    MemorySegment seg = scratchSegment;
    for (long off = 0; off < SIZE; off += CHUNK) {
      MemorySegment.copy(pattern, 0, seg, ValueLayout.JAVA_BYTE, off, CHUNK);
    }
  }

  @Benchmark
  public void segmentMove1m() {
    MemorySegment seg = scratchSegment;
    for (long off = 0; off < HALF; off += CHUNK) {
      MemorySegment.copy(seg, off, seg, HALF + off, CHUNK);
    }
  }

  /**
   * Checks what the last invocation produced: the sum of last bytes for reads, else the scratch
   * map: all pattern after {@code setSlice}, or two equal halves after {@code move}.
   */
  @TearDown(Level.Iteration)
  public void check() {
    if (sum >= 0) {
      BenchChecks.expect(sum == expectedSum, "last-byte sum " + sum + ", want " + expectedSum);
      return;
    }
    byte[] first = scratchMap.slice(0, CHUNK);
    if (Arrays.equals(first, pattern)) {
      for (long off = 0; off < SIZE; off += 7 * CHUNK) {
        BenchChecks.expect(Arrays.equals(scratchMap.slice(off, off + CHUNK), pattern), "setSlice");
      }
    } else {
      BenchChecks.expect(
          Arrays.equals(scratchMap.slice(0, HALF), scratchMap.slice(HALF, SIZE)), "move");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    map.close();
    scratchMap.close();
    arena.close();
    textChannel.close();
    scratchChannel.close();
    Files.deleteIfExists(scratch);
  }
}
