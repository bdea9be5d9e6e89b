package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Copies between a map's segment and Java arrays, for slices of any step. */
public final class SegmentCopies {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

  private SegmentCopies() {}

  public static byte[] copyOut(MemorySegment s, PythonSlice slice) {
    if (slice.step() == 1) {
      return copyOut(s, slice.start(), slice.count());
    }
    byte[] out = new byte[arraySize(slice.count())];
    long index = slice.start();
    for (int k = 0; k < out.length; k++, index += slice.step()) {
      out[k] = s.get(BYTE, index);
    }
    return out;
  }

  public static byte[] copyOut(MemorySegment s, long from, long count) {
    if (count == 0) {
      // After a shrinking resize the position may lie past the segment (CPython never clamps
      // it); MemorySegment.copy rejects such an offset even for zero bytes.
      return new byte[0];
    }
    byte[] out = new byte[arraySize(count)];
    MemorySegment.copy(s, BYTE, from, out, 0, out.length);
    return out;
  }

  public static void copyIn(MemorySegment s, PythonSlice slice, byte[] value) {
    if (slice.step() == 1) {
      MemorySegment.copy(value, 0, s, BYTE, slice.start(), value.length);
      return;
    }
    long index = slice.start();
    for (int k = 0; k < value.length; k++, index += slice.step()) {
      s.set(BYTE, index, value[k]);
    }
  }

  private static int arraySize(long count) {
    if (count > Integer.MAX_VALUE - 8) {
      throw Errors.arrayTooLarge(count);
    }
    return (int) count;
  }
}
