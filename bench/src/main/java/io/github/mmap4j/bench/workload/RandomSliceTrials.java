package io.github.mmap4j.bench.workload;

import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;

/**
 * W8, W8b and W8raw: 10^6 copies of 4 KiB from the W8 offsets of text.bin, summing the last byte of
 * each copy. W8 makes a new array per copy ({@code m[o:o+4096]}), W8b fills one reused array, W8raw
 * does W8's work on a plain {@code FileChannel.map} segment: the bar W8 is judged against.
 */
final class RandomSliceTrials {
  private static final int SLICE = 4096;

  private RandomSliceTrials() {}

  /** The map of text.bin, the offsets and the expected sum shared by the library variants. */
  private abstract static class OnMap implements Trial {
    final BenchData.OpenMap text;
    final Mmap m;
    final long[] offs;
    final long expected;

    OnMap(BenchData data) throws IOException {
      text = data.mapRead("text_file");
      m = text.map();
      offs = data.offsets();
      expected = data.value("w8_lastbyte_sum");
    }

    @Override
    public long work() {
      return offs.length;
    }

    @Override
    public void check(long s) {
      Trial.expect(s == expected, "last-byte sum " + s + ", expected " + expected);
    }

    @Override
    public void close() throws IOException {
      text.close();
    }
  }

  /** W8: {@code s += m.slice(o, o + 4096)[4095] & 0xFF}. */
  static final class Slice extends OnMap {
    Slice(BenchData data) throws IOException {
      super(data);
    }

    @Override
    public long run() {
      long s = 0;
      for (long o : offs) {
        s += m.slice(o, o + SLICE)[SLICE - 1] & 0xFF;
      }
      return s;
    }
  }

  /** W8b: {@code m.get(o, buf, 0, 4096); s += buf[4095] & 0xFF} into one reused array. */
  static final class GetInto extends OnMap {
    private final byte[] buf = new byte[SLICE];

    GetInto(BenchData data) throws IOException {
      super(data);
    }

    @Override
    public long run() {
      byte[] buf = this.buf;
      long s = 0;
      for (long o : offs) {
        m.get(o, buf, 0, SLICE);
        s += buf[SLICE - 1] & 0xFF;
      }
      return s;
    }
  }

  /** W8raw: a new array per offset, filled by {@code MemorySegment.copy} from a confined arena. */
  static final class Raw implements Trial {
    private final FileChannel channel;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment text;
    private final long[] offs;
    private final long expected;

    Raw(BenchData data) throws IOException {
      channel = FileChannel.open(data.file("text_file"));
      text = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
      offs = data.offsets();
      expected = data.value("w8_lastbyte_sum");
    }

    @Override
    public long work() {
      return offs.length;
    }

    @Override
    public long run() {
      long s = 0;
      for (long o : offs) {
        byte[] slice = new byte[SLICE];
        MemorySegment.copy(text, ValueLayout.JAVA_BYTE, o, slice, 0, SLICE);
        s += slice[SLICE - 1] & 0xFF;
      }
      return s;
    }

    @Override
    public void check(long s) {
      Trial.expect(s == expected, "last-byte sum " + s + ", expected " + expected);
    }

    @Override
    public void close() throws IOException {
      arena.close();
      channel.close();
    }
  }
}
