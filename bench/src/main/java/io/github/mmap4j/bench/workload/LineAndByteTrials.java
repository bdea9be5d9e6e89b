package io.github.mmap4j.bench.workload;

import java.io.IOException;
import java.util.Arrays;

/** W5-W7: one library call per line or per byte, through the position-advancing API. */
final class LineAndByteTrials {
  private LineAndByteTrials() {}

  /** W5: {@code while (m.readLine().length != 0) n++} over lines.bin; a new array per line. */
  static final class ReadLineCount extends MappedTrial {
    private final long size;
    private final long expected;

    ReadLineCount(BenchData data) throws IOException {
      super(data.mapRead("lines_file"));
      size = data.value("lines_size");
      expected = data.value("lines_lines");
    }

    @Override
    public long work() {
      return size;
    }

    @Override
    public long run() {
      m.seek(0);
      long n = 0;
      while (m.readLine().length != 0) {
        n++;
      }
      return n;
    }

    @Override
    public void check(long n) {
      Trial.expect(n == expected, n + " lines, expected " + expected);
    }
  }

  /** W6: 16 Mi {@code readByte()} calls from position 0, the unsigned values summed. */
  static final class ReadByteLoop extends MappedTrial {
    private final long expected;

    ReadByteLoop(BenchData data) throws IOException {
      super(data.mapRead("lines_file"));
      expected = data.value("w6_bytesum");
    }

    @Override
    public long work() {
      return 16777216;
    }

    @Override
    public long run() {
      m.seek(0);
      long s = 0;
      for (int i = 0; i < 16777216; i++) {
        s += m.readByte();
      }
      return s;
    }

    @Override
    public void check(long s) {
      Trial.expect(s == expected && m.tell() == 16777216, "sum " + s + ", pos " + m.tell());
    }
  }

  /** W7: 16 Mi {@code writeByte} calls that write the upper-cased first 16 MiB back. */
  static final class WriteByteLoop extends MappedTrial {
    private static final int N = 16777216;
    private final byte[] src;

    WriteByteLoop(BenchData data) throws IOException {
      super(data.mapScratch("w7", N));
      src = m.slice(0, N);
      for (int i = 0; i < N; i++) {
        if (src[i] >= 'a' && src[i] <= 'z') {
          src[i] -= 'a' - 'A';
        }
      }
      Trial.expect(!Arrays.equals(src, m.slice(0, N)), "the scratch copy already holds src");
    }

    @Override
    public long work() {
      return N;
    }

    @Override
    public long run() {
      m.seek(0);
      byte[] src = this.src;
      for (int i = 0; i < src.length; i++) {
        m.writeByte(src[i] & 0xFF);
      }
      return m.tell();
    }

    @Override
    public void check(long pos) {
      Trial.expect(pos == N, "position " + pos + " after the loop");
      Trial.expect(Arrays.equals(m.slice(0, N), src), "the map does not hold the written bytes");
    }
  }
}
