package io.github.mmap4j.bench.workload;

import java.io.IOException;
import java.util.Arrays;

/** W9 and W12: bulk writes into a writable map of a fresh tmpfs copy of lines.bin. */
final class BulkWriteTrials {
  private static final int PAGE = 4096;

  private BulkWriteTrials() {}

  /** W9: {@code m.setSlice(off, off + 4096, chunk)} for every 4 KiB of a 256 MiB copy. */
  static final class SliceAssign extends MappedTrial {
    private final long size;
    private final byte[] chunk = new byte[PAGE];

    SliceAssign(BenchData data) throws IOException {
      super(data.mapScratch("w9", data.value("lines_size")));
      size = data.value("lines_size");
      for (int i = 0; i < PAGE; i++) {
        chunk[i] = (byte) i; // 0, 1, ..., 255, sixteen times
      }
      Trial.expect(!Arrays.equals(m.slice(0, PAGE), chunk), "the scratch copy holds the chunk");
    }

    @Override
    public long work() {
      return size;
    }

    @Override
    public long run() {
      for (long off = 0; off < 268435456L; off += 4096) {
        m.setSlice(off, off + 4096, chunk);
      }
      return 0;
    }

    @Override
    public void check(long ignored) {
      for (long off : new long[] {0, size / 2, size - PAGE}) {
        Trial.expect(Arrays.equals(m.slice(off, off + PAGE), chunk), "page at " + off);
      }
    }

    @Override
    public void finalCheck() {
      byte[] page = new byte[PAGE];
      for (long off = 0; off < size; off += PAGE) {
        m.get(off, page, 0, PAGE);
        Trial.expect(Arrays.equals(page, chunk), "page at " + off + " is not the chunk");
      }
    }
  }

  /** W12: {@code m.move(64 MiB, 0, 64 MiB)} in a 128 MiB copy (the ranges do not overlap). */
  static final class Move extends MappedTrial {
    private static final int HALF = 64 << 20;
    private final byte[] orig;

    Move(BenchData data) throws IOException {
      super(data.mapScratch("w12", 2L * HALF));
      orig = data.head("lines_file", HALF);
    }

    @Override
    public long work() {
      return HALF;
    }

    @Override
    public long run() {
      m.move(67108864L, 0L, 67108864L);
      return 0;
    }

    @Override
    public void check(long ignored) {
      for (int off : new int[] {0, HALF / 2, HALF - PAGE}) {
        byte[] got = m.slice(HALF + off, HALF + off + PAGE);
        Trial.expect(
            Arrays.equals(got, 0, PAGE, orig, off, off + PAGE),
            "moved page at " + off + " differs");
      }
    }

    @Override
    public void finalCheck() {
      Trial.expect(Arrays.equals(m.slice(HALF, 2L * HALF), orig), "the moved half differs");
      Trial.expect(Arrays.equals(m.slice(0, HALF), orig), "the source half changed");
    }
  }
}
