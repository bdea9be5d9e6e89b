package io.github.mmap4j.bench.workload;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * W8, W8b and W8raw: 10^6 copies of 4 KiB from the W8 offsets of text.bin, summing the last byte of
 * each copy. W8 makes a new array per copy ({@code m[o:o+4096]}), W8b fills one reused array, W8raw
 * does W8's work on a plain {@code FileChannel.map} segment: the bar W8 is judged against.
 */
final class RandomSliceTrials {
  private static final int SLICE = 4096;

  private RandomSliceTrials() {}

  /** The offsets and the sum that every variant must produce. */
  private abstract static class Offsets extends MappedTrial {
    final long[] offs;
    final long expected;

    Offsets(BenchData data, BenchData.Mapped text) throws IOException {
      super(text);
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
  }

  /** W8: {@code s += m.slice(o, o + 4096)[4095] & 0xFF}. */
  static final class Slice extends Offsets {
    Slice(BenchData data) throws IOException {
      super(data, data.mapRead("text_file"));
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
  static final class GetInto extends Offsets {
    private final byte[] buf = new byte[SLICE];

    GetInto(BenchData data) throws IOException {
      super(data, data.mapRead("text_file"));
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
  static final class Raw extends Offsets {
    Raw(BenchData data) throws IOException {
      super(data, data.mapRaw("text_file"));
    }

    @Override
    public long run() {
      long s = 0;
      for (long o : offs) {
        byte[] slice = new byte[SLICE];
        MemorySegment.copy(raw, ValueLayout.JAVA_BYTE, o, slice, 0, SLICE);
        s += slice[SLICE - 1] & 0xFF;
      }
      return s;
    }
  }
}
