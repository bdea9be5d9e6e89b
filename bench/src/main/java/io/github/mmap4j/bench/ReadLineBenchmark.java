package io.github.mmap4j.bench;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * W5 of WORKLOADS.md: count the lines of the 256 MiB text with {@code readLine()}, each line
 * materialised as a new array as CPython's {@code readline} makes a new bytes object. The baseline
 * scans a {@link MemorySegment} for {@code \n} and copies every line out the same way.
 */
public class ReadLineBenchmark extends BenchmarkSettings {
  private BenchFiles files;
  private FileChannel channel;
  private Mmap map;
  private Arena arena;
  private MemorySegment segment;
  private long lines;

  @Setup(Level.Trial)
  public void open() throws IOException {
    files = BenchFiles.ensure();
    channel = FileChannel.open(files.text);
    map = Mmap.map(channel, 0, Access.READ);
    arena = Arena.ofShared();
    segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
  }

  @Benchmark
  public long readLineCount() {
    Mmap m = map;
    m.seek(0);
    long n = 0;
    while (m.readLine().length != 0) {
      n++;
    }
    return lines = n;
  }

  @Benchmark
  public long segmentLineCount(Blackhole sink) {
    MemorySegment seg = segment;
    long size = seg.byteSize();
    long start = 0;
    long n = 0;
    while (start < size) {
      long end = start;
      while (end < size && seg.get(ValueLayout.JAVA_BYTE, end) != '\n') {
        end++;
      }
      end = Math.min(end + 1, size);
      byte[] line = new byte[(int) (end - start)];
      MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, start, line, 0, line.length);
      sink.consume(line);
      start = end;
      n++;
    }
    return lines = n;
  }

  @TearDown(Level.Iteration)
  public void check() {
    BenchChecks.expect(lines == files.lineCount, "lines " + lines + ", want " + files.lineCount);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    map.close();
    arena.close();
    channel.close();
  }
}
