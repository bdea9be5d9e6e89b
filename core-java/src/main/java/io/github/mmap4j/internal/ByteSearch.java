package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Substring search over a {@link MemorySegment}, pure Java (native {@code memchr} on mapped memory
 * would turn a truncated file into a JVM-killing {@code SIGBUS}).
 *
 * <p>Single bytes are found eight at a time with SWAR arithmetic. Longer needles are filtered on
 * two of their rarest bytes, eight candidate positions per step, and candidates are verified with
 * {@link MemorySegment#mismatch}. When verifications pile up (needles of common bytes in repetitive
 * data), the search switches to Knuth–Morris–Pratt for the rest of the range, so the worst case
 * stays linear in the searched length.
 */
public final class ByteSearch {
  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NONE = Long.MIN_VALUE;

  private ByteSearch() {}

  /**
   * {@code mmap.find}/{@code rfind} over {@code s[0:n]} ({@code mmap_gfind} in CPython): bounds
   * count from the end when negative and clamp to {@code [0, n]}; an empty needle is found at the
   * start (find) or the end (rfind).
   */
  public static long pythonFind(
      MemorySegment s, long n, byte[] sub, long start, long end, boolean forward) {
    long from = clampBound(start, n);
    long to = clampBound(end, n);
    if (to < from) {
      return -1;
    }
    if (sub.length == 0) {
      return forward ? from : to;
    }
    if (to - from < sub.length) {
      return -1;
    }
    if (sub.length == 1) {
      return forward ? indexOf(s, from, to, sub[0]) : lastIndexOf(s, from, to, sub[0]);
    }
    return forward ? find(s, from, to, sub) : rfind(s, from, to, sub);
  }

  private static long clampBound(long bound, long n) {
    if (bound < 0) {
      bound += n;
      return bound < 0 ? 0 : bound;
    }
    return Math.min(bound, n);
  }

  /** A word with the high bit set in (at least) every byte of {@code x} that is zero. */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /** First index {@code i} in {@code [from, to)} with {@code s[i] == b}, or -1. */
  public static long indexOf(MemorySegment s, long from, long to, byte b) {
    long pattern = (b & 0xFFL) * ONES;
    long i = from;
    for (; i + 32 <= to; i += 32) {
      long m0 = zeroBytes(s.get(WORD, i) ^ pattern);
      long m1 = zeroBytes(s.get(WORD, i + 8) ^ pattern);
      long m2 = zeroBytes(s.get(WORD, i + 16) ^ pattern);
      long m3 = zeroBytes(s.get(WORD, i + 24) ^ pattern);
      if ((m0 | m1 | m2 | m3) != 0) {
        break; // the word loop below pins the byte down exactly
      }
    }
    for (; i + 8 <= to; i += 8) {
      long m = zeroBytes(s.get(WORD, i) ^ pattern);
      if (m != 0) {
        // The lowest flagged byte is always a true match (false flags only sit above a zero).
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (s.get(ValueLayout.JAVA_BYTE, i) == b) {
        return i;
      }
    }
    return -1;
  }

  /** Last index {@code i} in {@code [from, to)} with {@code s[i] == b}, or -1. */
  public static long lastIndexOf(MemorySegment s, long from, long to, byte b) {
    long pattern = (b & 0xFFL) * ONES;
    long i = to;
    for (; i - 32 >= from; i -= 32) {
      long m0 = zeroBytes(s.get(WORD, i - 8) ^ pattern);
      long m1 = zeroBytes(s.get(WORD, i - 16) ^ pattern);
      long m2 = zeroBytes(s.get(WORD, i - 24) ^ pattern);
      long m3 = zeroBytes(s.get(WORD, i - 32) ^ pattern);
      if ((m0 | m1 | m2 | m3) != 0) {
        break;
      }
    }
    for (; i - 8 >= from; i -= 8) {
      long word = s.get(WORD, i - 8) ^ pattern;
      if (zeroBytes(word) != 0) {
        // The high flags can be false positives here: confirm byte by byte from the top.
        for (long j = i - 1; j >= i - 8; j--) {
          if (s.get(ValueLayout.JAVA_BYTE, j) == b) {
            return j;
          }
        }
      }
    }
    for (long j = i - 1; j >= from; j--) {
      if (s.get(ValueLayout.JAVA_BYTE, j) == b) {
        return j;
      }
    }
    return -1;
  }

  /**
   * First start {@code i} in {@code [from, to - needle.length]} where {@code needle} occurs, or -1.
   * Requires {@code needle.length >= 2}.
   */
  public static long find(MemorySegment s, long from, long to, byte[] needle) {
    int m = needle.length;
    long lastStart = to - m;
    if (lastStart < from) {
      return -1;
    }
    RarePair pair = RarePair.of(needle);
    MemorySegment pattern = MemorySegment.ofArray(needle);
    long o1 = pair.first();
    long o2 = pair.second();
    long p1 = pair.firstWord();
    long p2 = pair.secondWord();
    long budget = 64;
    long i = from;
    while (true) {
      long block = nextBlock(s, i, lastStart - 7, o1, o2, p1, p2);
      if (block < 0) {
        i = ~block; // where the block scan stopped: the tail below checks what is left
        break;
      }
      budget += (block - i) >>> 3; // one more verification allowed per 8 positions filtered
      long mask = blockMask(s, block, o1, o2, p1, p2);
      while (mask != 0) {
        long candidate = block + (Long.numberOfTrailingZeros(mask) >>> 3);
        if (matchesAt(s, candidate, pattern, m)) {
          return candidate;
        }
        mask &= mask - 1;
        if (--budget < 0) {
          return Kmp.forward(s, candidate + 1, to, needle);
        }
      }
      i = block + 8;
    }
    for (; i <= lastStart; i++) {
      if (matchesAt(s, i, pattern, m)) {
        return i;
      }
    }
    return -1;
  }

  /** High bits of the starts in {@code [block, block + 8)} that match on both filter bytes. */
  private static long blockMask(MemorySegment s, long block, long o1, long o2, long p1, long p2) {
    return zeroBytes(s.get(WORD, block + o1) ^ p1) & zeroBytes(s.get(WORD, block + o2) ^ p2);
  }

  private static boolean matchesAt(MemorySegment s, long at, MemorySegment pattern, int m) {
    return MemorySegment.mismatch(s, at, at + m, pattern, 0, m) == -1;
  }

  /**
   * The first {@code block} in {@code from, from + 8, …, lastBlock} whose eight candidate starts
   * may match on both filter bytes, or {@code ~stop} (negative) with the first block not scanned.
   * Kept small so that the JIT compiles it as one tight loop.
   */
  private static long nextBlock(
      MemorySegment s, long from, long lastBlock, long o1, long o2, long p1, long p2) {
    long i = from;
    for (; i <= lastBlock; i += 8) {
      if (blockMask(s, i, o1, o2, p1, p2) != 0) {
        return i;
      }
    }
    return ~i;
  }

  /**
   * Like {@link #nextBlock} downwards: the first of {@code from, from - 8, …, >= firstBlock} that
   * may match, or {@link #NONE}.
   */
  private static long previousBlock(
      MemorySegment s, long from, long firstBlock, long o1, long o2, long p1, long p2) {
    for (long i = from; i >= firstBlock; i -= 8) {
      if (blockMask(s, i, o1, o2, p1, p2) != 0) {
        return i;
      }
    }
    return NONE;
  }

  /**
   * Last start {@code i} in {@code [from, to - needle.length]} where {@code needle} occurs, or -1.
   * Requires {@code needle.length >= 2}.
   */
  public static long rfind(MemorySegment s, long from, long to, byte[] needle) {
    int m = needle.length;
    long lastStart = to - m;
    if (lastStart < from) {
      return -1;
    }
    RarePair pair = RarePair.of(needle);
    MemorySegment pattern = MemorySegment.ofArray(needle);
    long o1 = pair.first();
    long o2 = pair.second();
    long p1 = pair.firstWord();
    long p2 = pair.secondWord();
    long budget = 64;
    long base = lastStart - 7; // blocks cover starts base..base+7; candidates above are done
    while (base >= from) {
      long block = previousBlock(s, base, from, o1, o2, p1, p2);
      if (block == NONE) {
        base -= ((base - from) / 8 + 1) * 8; // the blocks scanned: fewer than 8 starts remain
        break;
      }
      budget += (base - block) >>> 3;
      long mask = blockMask(s, block, o1, o2, p1, p2);
      while (mask != 0) {
        int top = 63 - Long.numberOfLeadingZeros(mask);
        long candidate = block + (top >>> 3);
        if (matchesAt(s, candidate, pattern, m)) {
          return candidate;
        }
        mask &= ~(1L << top);
        if (--budget < 0) {
          return Kmp.backward(s, from, candidate - 1 + m, needle);
        }
      }
      base = block - 8;
    }
    for (long j = base + 7; j >= from; j--) {
      if (matchesAt(s, j, pattern, m)) {
        return j;
      }
    }
    return -1;
  }
}
