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

/**
 * W1–W4 of WORKLOADS.md over the 256 MiB generated text: one call scans the whole map. The {@code
 * segment*} methods are the baseline: plain Java loops over a {@link MemorySegment} of the same
 * file, which is what a straightforward implementation without a search algorithm reaches.
 */
public class FindBenchmark extends BenchmarkSettings {
  private static final byte[] ABSENT1 = {0};

  private BenchFiles files;
  private FileChannel channel;
  private Mmap map;
  private Arena arena;
  private MemorySegment segment;
  private long expected;
  private long result;

  @Setup(Level.Trial)
  public void open() throws IOException {
    files = BenchFiles.ensure();
    channel = FileChannel.open(files.text);
    map = Mmap.map(channel, 0, Access.READ);
    arena = Arena.ofShared();
    segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
  }

  @Benchmark
  public long findAbsent16() {
    expected = -1;
    return result = map.find(BenchFiles.ABSENT16);
  }

  @Benchmark
  public long findAbsent1() {
    expected = -1;
    return result = map.find(ABSENT1);
  }

  @Benchmark
  public long rfindAbsent16() {
    expected = -1;
    return result = map.rfind(BenchFiles.ABSENT16);
  }

  @Benchmark
  public long findPlanted16() {
    expected = files.plantedOffset;
    return result = map.find(BenchFiles.PLANTED16);
  }

  @Benchmark
  public long segmentFindAbsent16() {
    expected = -1;
    return result = naiveFind(segment, BenchFiles.ABSENT16);
  }

  @Benchmark
  public long segmentFindAbsent1() {
    expected = -1;
    return result = naiveFind(segment, ABSENT1);
  }

  @Benchmark
  public long segmentRfindAbsent16() {
    expected = -1;
    return result = naiveRfind(segment, BenchFiles.ABSENT16);
  }

  @TearDown(Level.Iteration)
  public void check() {
    BenchChecks.expect(result == expected, "find returned " + result + ", want " + expected);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    map.close();
    arena.close();
    channel.close();
  }

  /** First-byte test, then a byte-by-byte comparison of the rest. */
  static long naiveFind(MemorySegment haystack, byte[] needle) {
    byte first = needle[0];
    long last = haystack.byteSize() - needle.length;
    for (long i = 0; i <= last; i++) {
      if (haystack.get(ValueLayout.JAVA_BYTE, i) == first && matchesAt(haystack, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  static long naiveRfind(MemorySegment haystack, byte[] needle) {
    byte first = needle[0];
    for (long i = haystack.byteSize() - needle.length; i >= 0; i--) {
      if (haystack.get(ValueLayout.JAVA_BYTE, i) == first && matchesAt(haystack, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matchesAt(MemorySegment haystack, long at, byte[] needle) {
    for (int j = 1; j < needle.length; j++) {
      if (haystack.get(ValueLayout.JAVA_BYTE, at + j) != needle[j]) {
        return false;
      }
    }
    return true;
  }
}
