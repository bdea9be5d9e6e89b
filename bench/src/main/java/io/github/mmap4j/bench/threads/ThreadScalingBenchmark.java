package io.github.mmap4j.bench.threads;

import io.github.mmap4j.Mmap;
import io.github.mmap4j.bench.BenchmarkSettings;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * How mmap4j's per-call cost depends on the calling thread, and how throughput scales with threads:
 * {@code get(i)}, {@code readByte()}, {@code slice} of 4 KiB and {@code find} of a 16-byte absent
 * needle in 64 KiB windows, each
 *
 * <ul>
 *   <li>{@code creator*}: on a map the measuring thread opened itself, one per thread;
 *   <li>{@code other*}: on one map shared by all measuring threads and opened by a helper thread
 *       (for {@code readByte}, which moves the position, one such map per thread); {@code
 *       otherGetOwnMap} separates the cost of being another thread from the sharing;
 *   <li>{@code raw*}: the same work on a shared-arena {@code MemorySegment}.
 * </ul>
 *
 * <p>Scores are ops/s summed over all threads (one op = one call). The concrete classes fix the
 * thread count ({@link OneThreadScalingBenchmark}, {@link TwoThreadsScalingBenchmark}); JMH's
 * {@code -t N} overrides it. {@code bench/thread_scaling.py} runs both and prints the table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class ThreadScalingBenchmark extends BenchmarkSettings {
  static final int CALLS = 1024;
  static final int SLICES = 16;
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

  private static long gets(Mmap m, ScalingStates.Cursor c) {
    long at = c.advance(CALLS);
    long s = 0;
    for (int i = 0; i < CALLS; i++) {
      s += m.get(at + i);
    }
    return s;
  }

  private static long rawBytes(MemorySegment seg, ScalingStates.Cursor c) {
    long at = c.advance(CALLS);
    long s = 0;
    for (int i = 0; i < CALLS; i++) {
      s += Byte.toUnsignedInt(seg.get(BYTE, at + i));
    }
    return s;
  }

  private static long readBytes(Mmap m, ScalingStates.Cursor c) {
    m.seek(c.advance(CALLS));
    long s = 0;
    for (int i = 0; i < CALLS; i++) {
      s += m.readByte();
    }
    return s;
  }

  private static long slices(Mmap m, ScalingStates.Cursor c) {
    long s = 0;
    for (int i = 0; i < SLICES; i++) {
      long at = c.advance(ScalingStates.SLICE);
      s += m.slice(at, at + ScalingStates.SLICE)[(int) ScalingStates.SLICE - 1];
    }
    return s;
  }

  private static long find(Mmap m, ScalingStates.Cursor c) {
    long at = c.advance(ScalingStates.WINDOW);
    return c.lastFind = m.find(c.needle, at, at + ScalingStates.WINDOW);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long creatorGet(ScalingStates.CreatorMap map, ScalingStates.Cursor c) {
    return gets(map.map, c);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long otherGet(ScalingStates.SharedOtherMap map, ScalingStates.Cursor c) {
    return gets(map.map, c);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long otherGetOwnMap(ScalingStates.OwnOtherMap map, ScalingStates.Cursor c) {
    return gets(map.map, c);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long rawGet(ScalingStates.RawSegment raw, ScalingStates.Cursor c) {
    return rawBytes(raw.segment, c);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long creatorReadByte(ScalingStates.CreatorMap map, ScalingStates.Cursor c) {
    return readBytes(map.map, c);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long otherReadByte(ScalingStates.OwnOtherMap map, ScalingStates.Cursor c) {
    return readBytes(map.map, c);
  }

  /** A segment has no position: the same loop as {@code rawGet}, the thread's cursor is it. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long rawReadByte(ScalingStates.RawSegment raw, ScalingStates.Cursor c) {
    return rawBytes(raw.segment, c);
  }

  @Benchmark
  @OperationsPerInvocation(SLICES)
  public long creatorSlice4k(ScalingStates.CreatorMap map, ScalingStates.Cursor c) {
    return slices(map.map, c);
  }

  @Benchmark
  @OperationsPerInvocation(SLICES)
  public long otherSlice4k(ScalingStates.SharedOtherMap map, ScalingStates.Cursor c) {
    return slices(map.map, c);
  }

  @Benchmark
  @OperationsPerInvocation(SLICES)
  public long rawSlice4k(ScalingStates.RawSegment raw, ScalingStates.Cursor c) {
    long s = 0;
    for (int i = 0; i < SLICES; i++) {
      long at = c.advance(ScalingStates.SLICE);
      byte[] slice = new byte[(int) ScalingStates.SLICE];
      MemorySegment.copy(raw.segment, BYTE, at, slice, 0, slice.length);
      s += slice[slice.length - 1];
    }
    return s;
  }

  @Benchmark
  public long creatorFind16(ScalingStates.CreatorMap map, ScalingStates.Cursor c) {
    return find(map.map, c);
  }

  @Benchmark
  public long otherFind16(ScalingStates.SharedOtherMap map, ScalingStates.Cursor c) {
    return find(map.map, c);
  }

  /** A plain scan: test the first needle byte, compare the rest with {@code mismatch}. */
  @Benchmark
  public long rawFind16(ScalingStates.RawSegment raw, ScalingStates.Cursor c) {
    MemorySegment seg = raw.segment;
    MemorySegment needle = MemorySegment.ofArray(c.needle);
    byte first = c.needle[0];
    long at = c.advance(ScalingStates.WINDOW);
    long last = at + ScalingStates.WINDOW - c.needle.length;
    long found = -1;
    for (long p = at; p <= last; p++) {
      if (seg.get(BYTE, p) == first
          && MemorySegment.mismatch(seg, p, p + c.needle.length, needle, 0, c.needle.length)
              == -1) {
        found = p;
        break;
      }
    }
    return c.lastFind = found;
  }
}
