package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A needle of two or more bytes, prepared once per search: the two filter positions of {@link
 * RarePair} and the needle as little-endian words, so that a candidate is verified with a few word
 * compares. The verification is plain segment reads on purpose: {@link MemorySegment#mismatch}
 * hands lengths of 64 bytes and more to a JDK stub that is not known to HotSpot's fault handler,
 * where a truncated file could kill the JVM.
 */
final class Needle {
  private static final ValueLayout.OfLong WORD =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  final byte[] bytes;
  final int length;
  final RarePair pair;

  /** Words at needle offsets 0, 8, 16, … and, if the length is no multiple of 8, at length - 8. */
  private final long[] words;

  private Needle(byte[] bytes) {
    this.bytes = bytes;
    this.length = bytes.length;
    this.pair = RarePair.of(bytes);
    if (length < Long.BYTES) {
      this.words = new long[0];
    } else {
      MemorySegment n = MemorySegment.ofArray(bytes);
      long[] w = new long[(length + 7) / 8];
      for (int k = 0; k < w.length; k++) {
        w[k] = n.get(WORD, Math.min(8L * k, length - 8));
      }
      this.words = w;
    }
  }

  /** Requires {@code bytes.length >= 2}; the array is not copied and must not change. */
  static Needle of(byte[] bytes) {
    return new Needle(bytes);
  }

  /** Whether the needle occurs at {@code at}; requires {@code at + length <= s.byteSize()}. */
  boolean matchesAt(MemorySegment s, long at) {
    if (length < Long.BYTES) {
      for (int k = 0; k < length; k++) {
        if (s.get(ValueLayout.JAVA_BYTE, at + k) != bytes[k]) {
          return false;
        }
      }
      return true;
    }
    long[] w = words;
    int last = w.length - 1;
    for (int k = 0; k < last; k++) {
      if (s.get(WORD, at + 8L * k) != w[k]) {
        return false;
      }
    }
    return s.get(WORD, at + length - 8) == w[last];
  }
}
