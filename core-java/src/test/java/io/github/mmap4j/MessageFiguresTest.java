package io.github.mmap4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The figures each message adds after CPython's words, pinned exactly, for the errors of a map that
 * is open: indices, positions, values, slices, ranges. (The contract tests check only the CPython
 * part; {@code FileMessageFiguresTest} covers opening, resizing and the OS's errors.)
 */
class MessageFiguresTest {
  private static final int P = Mmap.PAGESIZE;

  private static void assertMessage(
      Class<? extends Throwable> type, String message, Executable call) {
    assertEquals(message, assertThrows(type, call).getMessage());
  }

  private static void assertIndex(String message, Executable call) {
    assertMessage(IndexOutOfBoundsException.class, message, call);
  }

  private static void assertArgument(String message, Executable call) {
    assertMessage(IllegalArgumentException.class, message, call);
  }

  @Test
  void itemIndexNamesTheIndexGivenAndTheLength() {
    try (Mmap m = Mmap.anonymous(67)) {
      assertIndex("mmap index out of range (index -100, length 67)", () -> m.get(-100));
      assertIndex("mmap index out of range (index 67, length 67)", () -> m.set(67, 1));
    }
  }

  @Test
  void bulkIndexNamesTheIndexTheLengthAndTheDataSize() {
    try (Mmap m = Mmap.anonymous(67)) {
      assertIndex(
          "mmap index out of range (index 60, length 67, data 10 bytes)",
          () -> m.get(60, new byte[10], 0, 10));
      assertIndex(
          "mmap index out of range (index -1, length 67, data 1 byte)",
          () -> m.set(-1, new byte[1], 0, 1));
    }
  }

  @Test
  void wordIndexNamesTheWordSize() {
    try (Mmap m = Mmap.anonymous(67)) {
      assertIndex(
          "mmap index out of range (index 62, length 67, data 8 bytes)", () -> m.getLong(62));
      assertIndex(
          "mmap index out of range (index 64, length 67, data 4 bytes)", () -> m.setInt(64, 7));
    }
  }

  @Test
  void segmentViewNamesFromAndTo() {
    try (Mmap m = Mmap.anonymous(67)) {
      assertIndex(
          "mmap index out of range (from 3, to 70, length 67)",
          () -> m.withSegment(3, 70, s -> s.byteSize()));
      assertIndex(
          "mmap index out of range (from 9, to 8, length 67)",
          () -> m.withSegment(9, 8, s -> s.byteSize()));
    }
  }

  @Test
  void progressionOutsideTheMapIsNamedAsKotlinWritesIt() {
    try (Mmap m = Mmap.anonymous(10)) {
      assertIndex(
          "mmap index out of range (8..11 step 2 reaches outside 0..<10)",
          () -> m.sliceClosed(8, 11, 2));
      assertIndex(
          "mmap index out of range (3 downTo -1 reaches outside 0..<10)",
          () -> m.sliceClosed(3, -1, -1));
    }
  }

  @Test
  void readByteNamesThePositionAndTheLength() {
    try (Mmap m = Mmap.anonymous(67)) {
      m.seek(67);
      assertIndex("read byte out of range (position 67, length 67)", m::readByte);
    }
  }

  @Test
  void writeByteNamesThePositionAndTheLength() {
    try (Mmap m = Mmap.anonymous(67)) {
      m.seek(67);
      assertIndex("write byte out of range (position 67, length 67)", () -> m.writeByte(1));
    }
  }

  @Test
  void writeNamesThePositionTheLengthAndTheDataSize() {
    try (Mmap m = Mmap.anonymous(67)) {
      m.seek(60);
      assertIndex(
          "data out of range (position 60, length 67, data 10 bytes)", () -> m.write(new byte[10]));
    }
  }

  @Test
  void seekNamesTheTargetAndTheLength() {
    try (Mmap m = Mmap.anonymous(67)) {
      m.seek(10);
      assertIndex("seek out of range (target -5, length 67)", () -> m.seek(-15, Whence.CUR));
      assertIndex("seek out of range (target 68, length 67)", () -> m.seek(1, Whence.END));
    }
  }

  @Test
  void seekThatOverflowsShowsTheSum() {
    try (Mmap m = Mmap.anonymous(67)) {
      assertIndex(
          "seek out of range (target 67 + 9223372036854775807 overflows, length 67)",
          () -> m.seek(Long.MAX_VALUE, Whence.END));
    }
  }

  @Test
  void byteValueNamesTheValueGiven() {
    try (Mmap m = Mmap.anonymous(67)) {
      assertArgument(
          "unsigned byte integer is greater than maximum (value 256)", () -> m.writeByte(256));
      assertArgument(
          "unsigned byte integer is less than minimum (value -1)", () -> m.writeByte(-1));
      assertArgument("mmap item value must be in range(0, 256) (value 300)", () -> m.set(0, 300));
    }
  }

  @Test
  void wrongSizeNamesTheSliceItsSizeAndTheValueSize() {
    try (Mmap m = Mmap.anonymous(40)) {
      assertArgument(
          "mmap slice assignment is wrong size (slice 13:29 holds 16 bytes, value has 15)",
          () -> m.setSlice(13, 29, new byte[15]));
      assertArgument(
          "mmap slice assignment is wrong size (slice 0:10:2 holds 5 bytes, value has 3)",
          () -> m.setSlice(0, 10, 2, new byte[3]));
      assertArgument(
          "mmap slice assignment is wrong size (slice 39:100 holds 1 byte, value has 2)",
          () -> m.setSlice(39, 100, new byte[2]));
    }
  }

  @Test
  void wrongSizeOfAProgressionNamesItAndHintsAtPythonsSlice() {
    try (Mmap m = Mmap.anonymous(40)) {
      assertArgument(
          "mmap slice assignment is wrong size (13..28 holds 16 bytes, value has 15;"
              + " Python's m[13:28] is 13..<28)",
          () -> m.setSliceClosed(13, 28, 1, new byte[15]));
      assertArgument(
          "mmap slice assignment is wrong size (9 downTo 0 step 3 holds 4 bytes, value has 2)",
          () -> m.setSliceClosed(9, 0, -3, new byte[2]));
    }
  }

  @Test
  void moveNamesAllThreeArgumentsAndTheLength() {
    try (Mmap m = Mmap.anonymous(10)) {
      assertArgument(
          "source, destination, or count out of range (dest 5, src 0, count 10, length 10)",
          () -> m.move(5, 0, 10));
    }
  }

  @Test
  void flushRangeNamesOffsetSizeAndLength() {
    try (Mmap m = Mmap.anonymous(10)) {
      assertArgument(
          "flush values out of range (offset 4, size 10, length 10)", () -> m.flush(4, 10));
    }
  }

  @Test
  void madviseNamesStartAndLength() {
    try (Mmap m = Mmap.anonymous(2L * P)) {
      assertArgument(
          "madvise start out of bounds (start " + 2 * P + ", length " + 2 * P + ")",
          () -> m.madvise(Madvise.NORMAL, 2L * P));
      assertArgument("madvise length invalid (length -1)", () -> m.madvise(Madvise.NORMAL, 0, -1));
      assertArgument(
          "madvise length too large (start " + P + " + length 9223372036854775807 overflows)",
          () -> m.madvise(Madvise.NORMAL, P, Long.MAX_VALUE));
    }
  }

  @Test
  void messagesWithoutFiguresAreCPythonsAlone() throws Exception {
    Mmap m = Mmap.anonymous(10, Access.READ);
    assertArgument("slice step cannot be zero", () -> m.slice(0, 10, 0));
    assertMessage(
        UnsupportedOperationException.class,
        "mmap can't modify a readonly memory map.",
        () -> m.set(0, 1));
    assertMessage(
        UnsupportedOperationException.class,
        "mmap can't resize a readonly or copy-on-write memory map.",
        () -> m.resize(5));
    m.close();
    assertMessage(IllegalStateException.class, "mmap closed or invalid", () -> m.get(0));
  }
}
