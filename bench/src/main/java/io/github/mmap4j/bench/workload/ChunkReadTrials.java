package io.github.mmap4j.bench.workload;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * W11, W11b and W11raw: read all of text.bin from position 0 in 1 MiB calls until the end, counting
 * the bytes and summing the last byte of each chunk. W11 gets a new array per call ({@code
 * m.read(n)}), W11b reads into one reused array, W11raw does W11's work on a plain {@code
 * FileChannel.map} segment (1024 full chunks and the empty one at the end).
 */
final class ChunkReadTrials {
  private static final int CHUNK = 1 << 20;

  private ChunkReadTrials() {}

  /** The state the three variants share: the byte count of the last run and the expectations. */
  private abstract static class Chunks extends MappedTrial {
    final long size;
    final long expectedSum;
    long n;

    Chunks(BenchData data, BenchData.Mapped text) {
      super(text);
      size = data.value("text_size");
      expectedSum = data.value("w11_lastbyte_sum");
    }

    @Override
    public long work() {
      return size;
    }

    @Override
    public void check(long s) {
      Trial.expect(n == size && s == expectedSum, "read " + n + " bytes, last-byte sum " + s);
    }
  }

  /** W11: {@code for (byte[] b; (b = m.read(1 MiB)).length != 0; )}. */
  static final class Read extends Chunks {
    Read(BenchData data) throws IOException {
      super(data, data.mapRead("text_file"));
    }

    @Override
    public long run() {
      m.seek(0);
      long n = 0;
      long s = 0;
      for (byte[] b; (b = m.read(CHUNK)).length != 0; ) {
        n += b.length;
        s += b[b.length - 1] & 0xFF;
      }
      this.n = n;
      return s;
    }
  }

  /** W11b: {@code while ((k = m.read(buf, 0, 1 MiB)) != -1)} into one reused array. */
  static final class ReadInto extends Chunks {
    private final byte[] buf = new byte[CHUNK];

    ReadInto(BenchData data) throws IOException {
      super(data, data.mapRead("text_file"));
    }

    @Override
    public long run() {
      byte[] buf = this.buf;
      m.seek(0);
      long n = 0;
      long s = 0;
      for (int k; (k = m.read(buf, 0, CHUNK)) != -1; ) {
        n += k;
        s += buf[k - 1] & 0xFF;
      }
      this.n = n;
      return s;
    }
  }

  /** W11raw: a new array per chunk, filled by {@code MemorySegment.copy} from a confined arena. */
  static final class Raw extends Chunks {
    Raw(BenchData data) throws IOException {
      super(data, data.mapRaw("text_file"));
    }

    @Override
    public long run() {
      long pos = 0;
      long n = 0;
      long s = 0;
      while (true) {
        int k = (int) Math.min(CHUNK, raw.byteSize() - pos);
        byte[] b = new byte[k];
        MemorySegment.copy(raw, ValueLayout.JAVA_BYTE, pos, b, 0, k);
        if (k == 0) {
          break;
        }
        pos += k;
        n += k;
        s += b[k - 1] & 0xFF;
      }
      this.n = n;
      return s;
    }
  }
}
