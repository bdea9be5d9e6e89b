package io.github.mmap4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures the messages of opening, resizing and the OS's errors add after CPython's words,
 * pinned exactly ({@code MessageFiguresTest} covers the errors of an open map).
 */
class FileMessageFiguresTest {
  private static final int P = Mmap.PAGESIZE;
  private static final String EINVAL = "[Errno 22] Invalid argument";

  @TempDir Path dir;

  private Path file(int size) throws IOException {
    return Files.write(dir.resolve("f"), new byte[size]);
  }

  private static void assertMessage(
      Class<? extends Throwable> type, String message, Executable call) {
    assertEquals(message, assertThrows(type, call).getMessage());
  }

  private static void assertArgument(String message, Executable call) {
    assertMessage(IllegalArgumentException.class, message, call);
  }

  @Test
  void negativeLengthAndOffsetNameTheValueGiven() throws IOException {
    Path f = file(6);
    assertArgument("memory mapped length must be positive (length -1)", () -> Mmap.anonymous(-1));
    assertArgument(
        "memory mapped length must be positive (length -7)",
        () -> Mmap.open(f, -7, Access.READ, 0));
    assertArgument(
        "memory mapped offset must be positive (offset -4096)",
        () -> Mmap.open(f, 1, Access.READ, -4096));
  }

  @Test
  void anonymousLengthZeroSaysSo() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mmap.anonymous(0));
    assertInstanceOf(IOException.class, e.getCause());
    assertEquals(EINVAL + " (length 0)", e.getCause().getMessage());
    assertEquals(EINVAL + " (length 0)", e.getMessage());
  }

  @Test
  void lengthBeyondTheFileNamesLengthAndFileSize() throws IOException {
    Path f = file(6);
    assertArgument(
        "mmap length is greater than file size (length 40, file size 6)",
        () -> Mmap.open(f, 40, Access.READ));
  }

  @Test
  void lengthBeyondTheFileAtAnOffsetNamesTheOffsetToo() throws IOException {
    Path f = file(2 * P + 6);
    assertArgument(
        "mmap length is greater than file size (offset "
            + P
            + ", length "
            + (P + 10)
            + ", file size "
            + (2 * P + 6)
            + ")",
        () -> Mmap.open(f, P + 10, Access.READ, P));
  }

  @Test
  void offsetBeyondTheFileNamesOffsetAndFileSize() throws IOException {
    Path f = file(6);
    assertArgument(
        "mmap offset is greater than file size (offset " + P + ", file size 6)",
        () -> Mmap.open(f, 0, Access.READ, P));
  }

  @Test
  void emptyFileHasNoFigures() throws IOException {
    Path f = file(0);
    assertArgument("cannot mmap an empty file", () -> Mmap.open(f));
  }

  @Test
  void unalignedOffsetNamesTheOffsetAndTheGranularity() throws IOException {
    Path f = file(6);
    assertMessage(
        IOException.class,
        EINVAL
            + " (offset 5 is not a multiple of ALLOCATIONGRANULARITY "
            + Mmap.ALLOCATIONGRANULARITY
            + ")",
        () -> Mmap.open(f, 1, Access.READ, 5));
  }

  @Test
  void unalignedFlushNamesTheOffsetAndThePageSize() throws IOException {
    try (Mmap m = Mmap.open(file(2 * P), Access.WRITE)) {
      assertMessage(
          IOException.class,
          EINVAL + " (flush offset 5 is not a multiple of PAGESIZE " + P + ")",
          () -> m.flush(5, 1));
    }
  }

  @Test
  void unalignedAdviceNamesTheStartAndThePageSize() throws IOException {
    try (Mmap m = Mmap.open(file(2 * P), Access.WRITE)) {
      assertMessage(
          IOException.class,
          EINVAL + " (madvise start 1 is not a multiple of PAGESIZE " + P + ")",
          () -> m.madvise(Madvise.NORMAL, 1));
    }
  }

  @Test
  void resizeToZeroSaysSo() throws IOException {
    try (Mmap m = Mmap.open(file(P), Access.WRITE)) {
      assertMessage(IOException.class, EINVAL + " (new size 0)", () -> m.resize(0));
    }
    try (Mmap m = Mmap.anonymous(P)) {
      assertMessage(IOException.class, EINVAL + " (new size 0)", () -> m.resize(0));
    }
  }

  @Test
  void negativeNewSizeNamesIt() throws IOException {
    try (Mmap m = Mmap.open(file(P), Access.WRITE)) {
      assertArgument("new size out of range (new size -1)", () -> m.resize(-1));
    }
  }

  @Test
  void newSizeThatOverflowsWithTheOffsetShowsTheSum() throws IOException {
    try (Mmap m = Mmap.open(file(2 * P), P, Access.WRITE, P)) {
      assertArgument(
          "new size out of range (offset " + P + " + new size 9223372036854775807 overflows)",
          () -> m.resize(Long.MAX_VALUE));
    }
  }

  @Test
  void growingSharedAnonymousMemoryNamesBothSizes() {
    try (Mmap m = Mmap.anonymous(P)) {
      assertArgument(
          "mmap: can't expand a shared anonymous mapping on Linux (length "
              + P
              + ", new size "
              + 2 * P
              + ")",
          () -> m.resize(2L * P));
    }
  }
}
