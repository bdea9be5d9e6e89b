package io.github.mmap4j.internal;

import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The layouts of the multi-byte accessors: unaligned ones in either byte order for typed access
 * (file formats, {@code struct.pack_into}), and aligned native-order var handles for atomic access
 * (memory words shared between threads and processes).
 */
final class WordLayouts {
  private static final ValueLayout.OfShort SHORT_LE =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfShort SHORT_BE =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
  private static final ValueLayout.OfInt INT_LE =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT_BE =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
  private static final ValueLayout.OfLong LONG_LE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong LONG_BE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  /** Coordinates (segment, offset); the address must be a multiple of 4. */
  static final VarHandle ATOMIC_INT = ValueLayout.JAVA_INT.varHandle();

  /** Coordinates (segment, offset); the address must be a multiple of 8. */
  static final VarHandle ATOMIC_LONG = ValueLayout.JAVA_LONG.varHandle();

  private WordLayouts() {}

  static ValueLayout.OfShort shorts(ByteOrder order) {
    return order == ByteOrder.BIG_ENDIAN ? SHORT_BE : SHORT_LE;
  }

  static ValueLayout.OfInt ints(ByteOrder order) {
    return order == ByteOrder.BIG_ENDIAN ? INT_BE : INT_LE;
  }

  static ValueLayout.OfLong longs(ByteOrder order) {
    return order == ByteOrder.BIG_ENDIAN ? LONG_BE : LONG_LE;
  }
}
