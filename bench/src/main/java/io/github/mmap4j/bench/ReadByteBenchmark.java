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
 * W6/W7 of WORKLOADS.md: 16 Mi single-byte calls per invocation through the position-advancing API
 * ({@code readByteLoop}, {@code writeByteLoop}) and through indexing ({@code getLoop}). The
 * baselines do the same loops on a {@link MappedByteBuffer} and a {@link MemorySegment}.
 */
public class ReadByteBenchmark extends BenchmarkSettings {
  private static final int N = BenchFiles.BYTE_LOOP_SIZE;

  private BenchFiles files;
  private FileChannel textChannel;
  private FileChannel scratchChannel;
  private Path scratch;
  private Mmap map;
  private Mmap scratchMap;
  private MappedByteBuffer buffer;
  private MappedByteBuffer scratchBuffer;
  private Arena arena;
  private MemorySegment segment;
  private byte[] upper;
  private long sum;
  private boolean wrote;

  @Setup(Level.Trial)
  public void open() throws IOException {
    files = BenchFiles.ensure();
    textChannel = FileChannel.open(files.text);
    map = Mmap.map(textChannel, 0, Access.READ);
    buffer = textChannel.map(FileChannel.MapMode.READ_ONLY, 0, N);
    arena = Arena.ofShared();
    segment = textChannel.map(FileChannel.MapMode.READ_ONLY, 0, N, arena);
    scratch = files.scratchCopy("w7.bin", N);
    scratchChannel = FileChannel.open(scratch, StandardOpenOption.READ, StandardOpenOption.WRITE);
    scratchMap = Mmap.map(scratchChannel, 0, Access.WRITE);
    scratchBuffer = scratchChannel.map(FileChannel.MapMode.READ_WRITE, 0, N);
    upper = map.slice(0, N);
    for (int i = 0; i < N; i++) {
      if (upper[i] >= 'a' && upper[i] <= 'z') {
        upper[i] -= 'a' - 'A';
      }
    }
  }

  @Benchmark
  public long readByteLoop() {
    map.seek(0);
    long s = 0;
    for (int i = 0; i < N; i++) {
      s += map.readByte();
    }
    return sum = s;
  }

  @Benchmark
  public long getLoop() {
    long s = 0;
    for (int i = 0; i < N; i++) {
      s += map.get(i);
    }
    return sum = s;
  }

  @Benchmark
  public long writeByteLoop() {
    Mmap m = scratchMap;
    byte[] src = upper;
    m.seek(0);
    for (int i = 0; i < N; i++) {
      m.writeByte(src[i] & 0xFF);
    }
    wrote = true;
    return m.tell();
  }

  @Benchmark
  public long bufferGetLoop() {
    MappedByteBuffer b = buffer;
    b.position(0);
    long s = 0;
    for (int i = 0; i < N; i++) {
      s += b.get() & 0xFF;
    }
    return sum = s;
  }

  @Benchmark
  public long segmentGetLoop() {
    MemorySegment seg = segment;
    long s = 0;
    for (long i = 0; i < N; i++) {
      s += seg.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
    }
    return sum = s;
  }

  @Benchmark
  public int bufferPutLoop() {
    MappedByteBuffer b = scratchBuffer;
    byte[] src = upper;
    b.position(0);
    for (int i = 0; i < N; i++) {
      b.put(src[i]);
    }
    wrote = true;
    return b.position();
  }

  @TearDown(Level.Iteration)
  public void check() {
    if (wrote) {
      BenchChecks.expect(Arrays.equals(scratchMap.slice(0, N), upper), "scratch content");
      wrote = false;
    } else {
      BenchChecks.expect(sum == files.byteSum16m, "byte sum " + sum + ", want " + files.byteSum16m);
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
