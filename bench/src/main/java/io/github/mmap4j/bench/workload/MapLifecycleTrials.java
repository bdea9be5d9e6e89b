package io.github.mmap4j.bench.workload;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.channels.FileChannel;

/** W10, W13, W14: creating, touching and closing maps; nothing is reused or cached. */
final class MapLifecycleTrials {
  private MapLifecycleTrials() {}

  /** W10: 10^5 times {@code Mmap.map(channel, 0, READ)} of the 1 MiB file and {@code close()}. */
  static final class OpenClose implements Trial {
    private final FileChannel ch;
    private final long size;
    private Mmap last;

    OpenClose(BenchData data) throws IOException {
      ch = FileChannel.open(data.file("small_file"));
      size = data.value("small_size");
    }

    @Override
    public long work() {
      return 100000;
    }

    @Override
    public long run() throws IOException {
      Mmap x = null;
      for (int i = 0; i < 100000; i++) {
        x = Mmap.map(ch, 0, Access.READ);
        x.close();
      }
      last = x;
      return 0;
    }

    @Override
    public void check(long ignored) throws IOException {
      Trial.expect(last.isClosed(), "the last map is still open");
      try (Mmap fresh = Mmap.map(ch, 0, Access.READ)) {
        Trial.expect(fresh.length() == size, "a fresh map has " + fresh.length() + " bytes");
      }
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  /**
   * W13 and W14: {@code count} times {@code Mmap.anonymous(size)}, {@code set(0, 1)}, for W13 also
   * {@code set(size - 1, 1)}, then {@code close()}.
   */
  static final class Anonymous implements Trial {
    private final int count;
    private final long size;
    private final boolean touchLast;
    private Mmap last;

    private Anonymous(int count, long size, boolean touchLast) {
      this.count = count;
      this.size = size;
      this.touchLast = touchLast;
    }

    static Trial sixteenMiB(BenchData ignored) {
      return new Anonymous(200, 16 << 20, true);
    }

    static Trial eightKiB(BenchData ignored) {
      return new Anonymous(10_000, 8192, false);
    }

    @Override
    public long work() {
      return count;
    }

    @Override
    public long run() {
      Mmap x = null;
      if (touchLast) {
        for (int i = 0; i < 200; i++) {
          x = Mmap.anonymous(16 << 20);
          x.set(0, 1);
          x.set(x.length() - 1, 1);
          x.close();
        }
      } else {
        for (int i = 0; i < 10000; i++) {
          x = Mmap.anonymous(8192);
          x.set(0, 1);
          x.close();
        }
      }
      last = x;
      return 0;
    }

    @Override
    public void check(long ignored) {
      Trial.expect(last.isClosed(), "the last map is still open");
      try (Mmap fresh = Mmap.anonymous(size)) {
        long mid = size / 2;
        Trial.expect(
            fresh.get(0) == 0 && fresh.get(mid) == 0 && fresh.get(size - 1) == 0, "not zeroed");
        fresh.set(0, 1);
        if (touchLast) {
          fresh.set(size - 1, 1);
        }
        Trial.expect(fresh.get(0) == 1 && fresh.get(mid) == 0, "set byte not read back");
        Trial.expect(fresh.get(size - 1) == (touchLast ? 1 : 0), "last byte wrong");
      }
    }

    @Override
    public void close() {}
  }
}
