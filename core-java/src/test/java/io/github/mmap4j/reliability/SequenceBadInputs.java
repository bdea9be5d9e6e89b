package io.github.mmap4j.reliability;

import static io.github.mmap4j.reliability.BadInput.of;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.CHANNEL;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.OFFSET;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.PATH;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Error cases of indexing, slicing and the bulk copies: {@code m[i]}, {@code m[i] = v}, {@code
 * m[a:b:k]}, {@code m[a:b:k] = buf}, Kotlin's closed progressions, {@code get(index, dst, …)} and
 * {@code read(dst, …)}, {@code findAllIndices}. A slice assignment of the wrong size must not store
 * a single byte.
 */
final class SequenceBadInputs {
  static final String INDEX = "mmap index out of range";
  static final String ITEM_VALUE = "mmap item value must be in range(0, 256)";
  static final String STEP_ZERO = "slice step cannot be zero";
  static final String WRONG_SIZE = "mmap slice assignment is wrong size";

  private static final Class<IndexOutOfBoundsException> IOOBE = IndexOutOfBoundsException.class;
  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

  private SequenceBadInputs() {}

  static List<BadInput> all() {
    return List.of(
        of(PATH, "m.get(n)", IOOBE, INDEX, f -> f.map.get(f.n())),
        of(PATH, "m.get(-n - 1)", IOOBE, INDEX, f -> f.map.get(-f.n() - 1)),
        of(OFFSET, "m.get(n)", IOOBE, INDEX, f -> f.map.get(f.n())),
        of(PATH, "m.set(n, 1)", IOOBE, INDEX, f -> f.map.set(f.n(), 1)),
        of(PATH, "m.set(-n - 1, 1)", IOOBE, INDEX, f -> f.map.set(-f.n() - 1, 1)),
        of(PATH, "m.set(n, 256)", IOOBE, INDEX, f -> f.map.set(f.n(), 256)),
        of(PATH, "m.set(0, 256)", IAE, ITEM_VALUE, f -> f.map.set(0, 256)),
        of(PATH, "m.set(0, -1)", IAE, ITEM_VALUE, f -> f.map.set(0, -1)),
        of(PATH, "m.slice(0, 10, 0)", IAE, STEP_ZERO, f -> f.map.slice(0, 10, 0)),
        of(PATH, "m.setSlice(0, 3, 2 bytes)", IAE, WRONG_SIZE, f -> setSlice(f, 0, 3, 1, 2)),
        of(PATH, "m.setSlice(5, 2, 1 byte)", IAE, WRONG_SIZE, f -> setSlice(f, 5, 2, 1, 1)),
        of(PATH, "m.setSlice(0, 10, 0, 10 bytes)", IAE, STEP_ZERO, f -> setSlice(f, 0, 10, 0, 10)),
        of(
            PATH,
            "m.setSlice(0, n, 2, one byte too many)",
            IAE,
            WRONG_SIZE,
            f -> setSlice(f, 0, f.n(), 2, (int) ((f.n() + 1) / 2) + 1)),
        of(
            PATH,
            "m[::-1] = one byte too few",
            IAE,
            WRONG_SIZE,
            f -> setSlice(f, Long.MAX_VALUE, Long.MIN_VALUE, -1, (int) f.n() - 1)),
        of(
            CHANNEL,
            "m.setSlice(0, n, n - 1 bytes)",
            IAE,
            WRONG_SIZE,
            f -> setSlice(f, 0, f.n(), 1, (int) f.n() - 1)),
        of(PATH, "m.sliceClosed(0, n, 1)", IOOBE, INDEX, f -> f.map.sliceClosed(0, f.n(), 1)),
        of(PATH, "m.sliceClosed(0, 5, 0)", IAE, STEP_ZERO, f -> f.map.sliceClosed(0, 5, 0)),
        of(
            PATH,
            "m.setSliceClosed(0, n, 1, n + 1 bytes)",
            IOOBE,
            INDEX,
            f -> f.map.setSliceClosed(0, f.n(), 1, new byte[(int) f.n() + 1])),
        of(
            PATH,
            "m.setSliceClosed(0, 9, 1, 9 bytes)",
            IAE,
            WRONG_SIZE,
            f -> f.map.setSliceClosed(0, 9, 1, new byte[9])),
        of(
            PATH,
            "m.setSliceClosed(-1, 5, 1, 7 bytes)",
            IOOBE,
            INDEX,
            f -> f.map.setSliceClosed(-1, 5, 1, new byte[7])),
        of(
            PATH,
            "m.get(n - 10, dst, 0, 64)",
            IOOBE,
            INDEX,
            f -> f.map.get(f.n() - 10, new byte[64], 0, 64)),
        of(PATH, "m.get(-1, dst, 0, 1)", IOOBE, INDEX, f -> f.map.get(-1, new byte[1], 0, 1)),
        of(
            PATH,
            "m.read(8-byte dst, 5, 10)",
            IOOBE,
            "Range [5, 5 + 10) out of bounds for length 8",
            f -> f.map.read(new byte[8], 5, 10)),
        of(
            PATH,
            "m.read(read-only ByteBuffer)",
            java.nio.ReadOnlyBufferException.class,
            null,
            f -> f.map.read(ByteBuffer.allocate(8).asReadOnlyBuffer())),
        of(
            PATH,
            "m.findAllIndices(empty)",
            IAE,
            "empty needle",
            f -> f.map.findAllIndices(new byte[0])));
  }

  /** {@code m.setSlice(start, stop, step, <count bytes of 0x5A>)}. */
  private static void setSlice(BadInputFixture f, long start, long stop, long step, int count) {
    byte[] value = new byte[count];
    java.util.Arrays.fill(value, (byte) 0x5A);
    f.map.setSlice(start, stop, step, value);
  }
}
