package io.github.mmap4j.file;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.filled;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.EBADF;
import static io.github.mmap4j.testing.Messages.EINVAL;
import static io.github.mmap4j.testing.Messages.EMPTY_FILE;
import static io.github.mmap4j.testing.Messages.INDEX;
import static io.github.mmap4j.testing.Messages.LENGTH_NEGATIVE;
import static io.github.mmap4j.testing.Messages.LENGTH_TOO_BIG;
import static io.github.mmap4j.testing.Messages.OFFSET_NEGATIVE;
import static io.github.mmap4j.testing.Messages.OFFSET_TOO_BIG;
import static io.github.mmap4j.testing.ProcessResources.descriptorsOf;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §3.2 and the constructor rows of §14: negative length, then negative offset,
 * then the file-size rules (empty file, offset, length), and only then the kernel's alignment
 * EINVAL. The file is never extended.
 */
class FileMmapConstructionTest extends FileFixture {
  private static final int P = Mmap.PAGESIZE;

  private Path ten() throws IOException {
    return file("ten", bytes("0123456789"));
  }

  @Test
  void lengthZeroMapsTheWholeFile() throws IOException {
    Mmap m = track(Mmap.open(ten(), 0, Access.READ, 0));
    assertEquals(10, m.length());
    assertEquals("0123456789", str(m.read()));
  }

  @Test
  void shorterLengthMapsAPrefix() throws IOException {
    Mmap m = track(Mmap.open(ten(), 5, Access.WRITE, 0));
    assertEquals(5, m.length());
    assertEquals(10, m.size());
    assertEquals("01234", str(m.slice(Long.MIN_VALUE, Long.MAX_VALUE)));
  }

  @Test
  void negativeLengthIsRejectedFirst() throws IOException {
    Path ten = ten();
    assertFails(
        IllegalArgumentException.class, LENGTH_NEGATIVE, () -> Mmap.open(ten, -1, Access.READ, 0));
    assertFails(
        IllegalArgumentException.class, LENGTH_NEGATIVE, () -> Mmap.open(ten, -1, Access.READ, -1));
    Path empty = file("empty", new byte[0]);
    assertFails(
        IllegalArgumentException.class, LENGTH_NEGATIVE, () -> Mmap.open(empty, -1, Access.READ));
  }

  @Test
  void negativeOffsetIsRejected() throws IOException {
    Path ten = ten();
    assertFails(
        IllegalArgumentException.class, OFFSET_NEGATIVE, () -> Mmap.open(ten, 5, Access.READ, -1));
    Path empty = file("empty", new byte[0]);
    assertFails(
        IllegalArgumentException.class,
        OFFSET_NEGATIVE,
        () -> Mmap.open(empty, 0, Access.READ, -1));
  }

  /** §14: mmap(fd, 11) on ten bytes; CPython's test_access_parameter (b): no extension. */
  @Test
  void lengthBeyondTheFileIsRejected() throws IOException {
    Path ten = ten();
    assertFails(
        IllegalArgumentException.class, LENGTH_TOO_BIG, () -> Mmap.open(ten, 11, Access.WRITE));
    assertFails(
        IllegalArgumentException.class, LENGTH_TOO_BIG, () -> Mmap.open(ten, 10, Access.READ, 1));
    assertFails(
        IllegalArgumentException.class, LENGTH_TOO_BIG, () -> Mmap.open(ten, 5, Access.READ, P));
    assertEquals(10, Files.size(ten));
  }

  /** §14: mmap(fd, 0, offset=10) and offset=P on ten bytes. */
  @Test
  void offsetAtOrBeyondTheEndIsRejected() throws IOException {
    Path ten = ten();
    assertFails(
        IllegalArgumentException.class, OFFSET_TOO_BIG, () -> Mmap.open(ten, 0, Access.READ, 10));
    assertFails(
        IllegalArgumentException.class, OFFSET_TOO_BIG, () -> Mmap.open(ten, 0, Access.READ, P));
  }

  /** CPython's test_empty_file; the empty-file check comes before any offset rule. */
  @Test
  void emptyFileCannotBeMapped() throws IOException {
    Path empty = file("empty", new byte[0]);
    assertFails(IllegalArgumentException.class, EMPTY_FILE, () -> Mmap.open(empty, 0, Access.READ));
    assertFails(
        IllegalArgumentException.class, EMPTY_FILE, () -> Mmap.open(empty, 0, Access.READ, P));
    assertFails(
        IllegalArgumentException.class, EMPTY_FILE, () -> Mmap.open(empty, 0, Access.READ, 1));
    assertFails(
        IllegalArgumentException.class, LENGTH_TOO_BIG, () -> Mmap.open(empty, 1, Access.READ));
  }

  /** §14: an unaligned offset reaches mmap(2), which says EINVAL, after the size rules pass. */
  @Test
  void unalignedOffsetIsEinval() throws IOException {
    Path ten = ten();
    assertFails(IOException.class, EINVAL, () -> Mmap.open(ten, 5, Access.READ, 1));
    assertFails(IOException.class, EINVAL, () -> Mmap.open(ten, 0, Access.READ, 1));
    assertFails(IOException.class, EINVAL, () -> Mmap.open(ten, 5, Access.WRITE, 5));
  }

  /** The same rules through map(FileChannel, …), mmap.mmap(fileno, …)'s Java form. */
  @Test
  void channelFormChecksTheSameRules() throws IOException {
    FileChannel ch = channel(ten(), READ, WRITE);
    assertFails(IllegalArgumentException.class, LENGTH_NEGATIVE, () -> Mmap.map(ch, -1));
    assertFails(
        IllegalArgumentException.class, OFFSET_NEGATIVE, () -> Mmap.map(ch, 5, Access.READ, -1));
    assertFails(IllegalArgumentException.class, LENGTH_TOO_BIG, () -> Mmap.map(ch, 11));
    assertFails(
        IllegalArgumentException.class, OFFSET_TOO_BIG, () -> Mmap.map(ch, 0, Access.READ, 10));
    assertFails(IOException.class, EINVAL, () -> Mmap.map(ch, 5, Access.READ, 1));
    assertEquals(10, ch.size());
  }

  /** CPython's test_bad_file_desc, adapted: a closed channel is Java's bad descriptor. */
  @Test
  void closedChannelIsABadFileDescriptor() throws IOException {
    FileChannel ch = FileChannel.open(ten(), READ, WRITE);
    ch.close();
    assertFails(IOException.class, EBADF, () -> Mmap.map(ch, 10));
  }

  /**
   * docs/semantics.md §15.4: open(Path) defaults to READ, map(FileChannel) keeps CPython's DEFAULT.
   */
  @Test
  void defaultAccessDependsOnTheFactory() throws IOException {
    Path ten = ten();
    assertEquals(Access.READ, track(Mmap.open(ten)).access());
    assertEquals(Access.DEFAULT, track(Mmap.map(channel(ten, READ, WRITE), 0)).access());
    assertEquals(Access.COPY, track(Mmap.open(ten, Access.COPY)).access());
  }

  /** CPython's test_entire_file. */
  @Test
  void entireFileIsMappedWithLengthZero() throws IOException {
    Path file = file("m", filled(65536, 'm'));
    try (Mmap m = Mmap.map(channel(file, READ, WRITE), 0)) {
      assertEquals(65536, m.length());
      assertEquals("m".repeat(65536), str(m.read(65536)));
    }
  }

  /** CPython's test_length_0_offset: length 0 maps from the offset to the end. */
  @Test
  void lengthZeroWithOffsetMapsTheRest() throws IOException {
    Path file = file("m", filled(131072, 'm'));
    try (Mmap m = Mmap.open(file, 0, Access.READ, 65536)) {
      assertEquals(65536, m.length());
      assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.get(80000));
    }
  }

  /** CPython's test_length_0_large_offset: w+b truncated the file, hence "empty". */
  @Test
  void largeOffsetOnTruncatedFileIsEmpty() throws IOException {
    Path file = file("m", new byte[0]);
    assertFails(
        IllegalArgumentException.class,
        EMPTY_FILE,
        () -> Mmap.open(file, 0, Access.READ, 2147418112L));
  }

  /** test_length_0_large_offset opened r+b instead (the 115699-byte file kept its bytes). */
  @Test
  void largeOffsetBeyondTheFileIsRejected() throws IOException {
    Path file = file("m", filled(115699, 'm'));
    assertFails(
        IllegalArgumentException.class,
        OFFSET_TOO_BIG,
        () -> Mmap.open(file, 0, Access.READ, 2147418112L));
  }

  /** CPython's test_offset: negative offsets are OverflowError on Linux. */
  @Test
  void negativeOffsetsOfTestOffset() throws IOException {
    Path file = file("foo", filled(2 * P, '\0'));
    for (long offset : new long[] {-2, -1}) {
      assertFails(
          IllegalArgumentException.class,
          OFFSET_NEGATIVE,
          () -> Mmap.open(file, 2 * P, Access.WRITE, offset));
    }
  }

  /** CPython's test_double_close on an ACCESS_READ map of a read-only descriptor. */
  @Test
  void doubleCloseIsHarmless() throws IOException {
    Mmap m = Mmap.map(channel(file("a", filled(65536, 'a')), READ), 65536, Access.READ);
    m.close();
    m.close();
    assertEquals("Mmap[closed=true]", m.toString());
  }

  /** §3.5: a directory descriptor reaches mmap(2), which says ENODEV. */
  @Test
  void directoryIsNoSuchDevice() {
    assertFails(
        IOException.class, "[Errno 19] No such device", () -> Mmap.open(dir, 10, Access.READ));
  }

  /** A failed {@code open(Path, …)} closes the channel it opened before it throws. */
  @Test
  void failedOpenLeavesNoDescriptorOfTheFile() throws IOException {
    Path ten = ten();
    try (Mmap m = Mmap.open(ten)) {
      assertEquals(1, descriptorsOf(ten), "an open map holds its channel");
      assertEquals(10, m.size());
    }
    assertFails(
        IllegalArgumentException.class, LENGTH_TOO_BIG, () -> Mmap.open(ten, 11, Access.WRITE));
    assertFails(IOException.class, EINVAL, () -> Mmap.open(ten, 5, Access.READ, 1));
    assertFails(
        IllegalArgumentException.class, OFFSET_TOO_BIG, () -> Mmap.open(ten, 0, Access.COPY, P));
    assertEquals(0, descriptorsOf(ten));
  }

  /** The same through a borrowed channel, which the JDK maps: its error text becomes the errno. */
  @Test
  void borrowedChannelOfADirectoryIsNoSuchDevice() throws IOException {
    FileChannel ch = channel(dir, READ);
    assertFails(
        IOException.class, "[Errno 19] No such device", () -> Mmap.map(ch, 10, Access.READ));
  }
}
