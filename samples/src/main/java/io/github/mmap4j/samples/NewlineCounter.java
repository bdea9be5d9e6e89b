package io.github.mmap4j.samples;

import io.github.mmap4j.Mmap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Counts {@code '\n'} bytes in a range of a map: line numbers for a search that jumps from match to
 * match instead of reading line by line. Copies 1 MiB at a time into one reused array and counts
 * eight bytes per step.
 */
public final class NewlineCounter {
  private static final int CHUNK = 1 << 20;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
  private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

  private final Mmap map;
  private final byte[] chunk = new byte[CHUNK];

  /** A counter over {@code map}; it reads with {@link Mmap#get(long, byte[], int, int)}. */
  public NewlineCounter(Mmap map) {
    this.map = map;
  }

  /** The number of {@code '\n'} in {@code map[from:to]}. */
  public long count(long from, long to) {
    long total = 0;
    for (long at = from; at < to; at += CHUNK) {
      int n = (int) Math.min(CHUNK, to - at);
      map.get(at, chunk, 0, n);
      total += countIn(chunk, n);
    }
    return total;
  }

  /** {@code '\n'} in {@code bytes[0:n]}: eight at a time (a zero-byte count of x ^ 0x0a0a…). */
  static int countIn(byte[] bytes, int n) {
    int total = 0;
    int i = 0;
    for (; i + Long.BYTES <= n; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
      // High bit of each byte of `zero` is set exactly where x has a zero byte (no carries leak:
      // the low seven bits are added separately from the high bit).
      long zero = ~(((x & LOW7) + LOW7) | x | LOW7);
      total += Long.bitCount(zero);
    }
    for (; i < n; i++) {
      if (bytes[i] == '\n') {
        total++;
      }
    }
    return total;
  }
}
