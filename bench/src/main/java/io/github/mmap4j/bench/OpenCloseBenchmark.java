package io.github.mmap4j.bench;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W10 of WORKLOADS.md: map the whole 1 MiB file read-only from an open channel and unmap it again;
 * no page is touched. The baselines map through {@code FileChannel.map(..., Arena)} and close the
 * arena, once with a shared arena (the close waits for a handshake with every thread, tens of
 * microseconds) and once with a confined one (no handshake).
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpenCloseBenchmark extends BenchmarkSettings {
  private FileChannel channel;
  private long size;
  private long mappedLength;
  private Mmap last;

  @Setup(Level.Trial)
  public void open() throws IOException {
    channel = FileChannel.open(BenchFiles.ensure().small);
    size = channel.size();
  }

  @Benchmark
  public Mmap mapClose() throws IOException {
    Mmap m = Mmap.map(channel, 0, Access.READ);
    mappedLength = m.length();
    m.close();
    return last = m;
  }

  @Benchmark
  public MemorySegment sharedArenaMapClose() throws IOException {
    Arena arena = Arena.ofShared();
    MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
    mappedLength = segment.byteSize();
    arena.close();
    return segment;
  }

  @Benchmark
  public MemorySegment confinedArenaMapClose() throws IOException {
    Arena arena = Arena.ofConfined();
    MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
    mappedLength = segment.byteSize();
    arena.close();
    return segment;
  }

  @TearDown(Level.Iteration)
  public void check() {
    BenchChecks.expect(mappedLength == BenchFiles.SMALL_SIZE, "mapped " + mappedLength);
    BenchChecks.expect(last == null || last.isClosed(), "last map still open");
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    channel.close();
  }
}
