package io.github.mmap4j.bench.workload;

import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;

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
  private abstract static class Chunks implements Trial {
    final long size;
    final long expectedSum;
    long n;

    Chunks(BenchData data) {
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
    private final BenchData.OpenMap text;
    private final Mmap m;

    Read(BenchData data) throws IOException {
      super(data);
      text = data.mapRead("text_file");
      m = text.map();
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

    @Override
    public void close() throws IOException {
      text.close();
    }
  }

  /** W11b: {@code while ((k = m.read(buf, 0, 1 MiB)) != -1)} into one reused array. */
  static final class ReadInto extends Chunks {
    private final BenchData.OpenMap text;
    private final Mmap m;
    private final byte[] buf = new byte[CHUNK];

    ReadInto(BenchData data) throws IOException {
      super(data);
      text = data.mapRead("text_file");
      m = text.map();
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

    @Override
    public void close() throws IOException {
      text.close();
    }
  }

  /** W11raw: a new array per chunk, filled by {@code MemorySegment.copy} from a confined arena. */
  static final class Raw extends Chunks {
    private final FileChannel channel;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment text;

    Raw(BenchData data) throws IOException {
      super(data);
      channel = FileChannel.open(data.file("text_file"));
      text = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
    }

    @Override
    public long run() {
      long pos = 0;
      long n = 0;
      long s = 0;
      while (true) {
        int k = (int) Math.min(CHUNK, text.byteSize() - pos);
        byte[] b = new byte[k];
        MemorySegment.copy(text, ValueLayout.JAVA_BYTE, pos, b, 0, k);
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

    @Override
    public void close() throws IOException {
      arena.close();
      channel.close();
    }
  }
}
