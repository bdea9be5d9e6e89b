package io.github.mmap4j.file;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.filled;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.EFBIG;
import static io.github.mmap4j.testing.Messages.EINVAL;
import static io.github.mmap4j.testing.Messages.RESIZE_READONLY;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §5.10 and §5.13 for file maps: {@code size()} is the whole file's current
 * length; {@code resize(n)} makes the file {@code offset + n} bytes long, grown bytes read as zero,
 * the position stays; READ and COPY maps cannot resize.
 */
class FileMmapSizeAndResizeTest extends FileFixture {
  private static final int P = Mmap.PAGESIZE;

  /** §5.13: a 10-byte map at offset P of a 3-page file. */
  @Test
  void sizeIsTheWholeFileNotTheMap() throws IOException {
    Mmap m = track(Mmap.open(file("f", new byte[3 * P]), 10, Access.READ, P));
    assertEquals(10, m.length());
    assertEquals(3 * P, m.size());
  }

  @Test
  void sizeFollowsTheFileGrowingOutside() throws IOException {
    Path file = file("f", new byte[3 * P]);
    Mmap m = track(Mmap.open(file, 10, Access.READ, P));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(4 * P);
    }
    assertEquals(4 * P, m.size());
    assertEquals(10, m.length());
  }

  /** §3.6: the map keeps its own channel; deleting the file changes nothing visible. */
  @Test
  void deletedFileStaysMapped() throws IOException {
    Path file = file("f", bytes("0123456789"));
    Mmap m = track(Mmap.open(file));
    Files.delete(file);
    assertEquals(10, m.size());
    assertEquals("0123456789", str(m.read()));
  }

  /**
   * docs/semantics.md §3.6: a borrowed channel may be closed by its owner; data access keeps
   * working.
   */
  @Test
  void borrowedChannelClosedByTheCallerKeepsDataAccess() throws IOException {
    Path file = file("f", bytes("0123456789"));
    FileChannel ch = FileChannel.open(file, READ, WRITE);
    Mmap m = track(Mmap.map(ch, 10, Access.WRITE));
    ch.close();
    m.set(0, 'x');
    assertEquals("x123456789", str(m.slice(0, 10)));
    assertEquals("x123456789", str(Files.readAllBytes(file)));
    // docs/semantics.md §15.4 fixes the class, not a message: no CPython counterpart exists.
    assertThrows(IllegalStateException.class, m::size);
    assertThrows(IllegalStateException.class, () -> m.resize(5));
  }

  /** §14: resize file map 12288 -> 8202 with pos 100. */
  @Test
  void shrinkingAFileMapShrinksTheFile() throws IOException {
    Path file = file("f", filled(3 * P, 'x'));
    Mmap m = track(Mmap.open(file, Access.WRITE));
    m.seek(100);
    m.resize(8202);
    assertEquals(8202, m.length());
    assertEquals(8202, m.size());
    assertEquals(8202, Files.size(file));
    assertEquals(100, m.tell());
  }

  @Test
  void growingAFileMapGrowsTheFileWithZeros() throws IOException {
    Path file = file("f", bytes("0123456789"));
    Mmap m = track(Mmap.open(file, Access.DEFAULT));
    m.resize(20);
    assertEquals(20, m.length());
    assertEquals("0123456789" + "\0".repeat(10), str(m.slice(0, 20)));
    assertArrayEquals(m.slice(0, 20), Files.readAllBytes(file));
  }

  /** §14 and CPython's test_offset: the file becomes offset + newsize. */
  @Test
  void resizeAtAnOffsetKeepsThePagesBefore() throws IOException {
    Path file = file("f", filled(2 * P, 'x'));
    Mmap m = track(Mmap.open(file, P, Access.WRITE, P));
    m.resize(512);
    assertEquals(512, m.length());
    assertEquals(P + 512, Files.size(file));
    assertEquals(P + 512, m.size());
  }

  @Test
  void writesAfterGrowingReachTheFile() throws IOException {
    Path file = file("f", bytes("0123456789"));
    Mmap m = track(Mmap.open(file, Access.WRITE));
    m.resize(12);
    m.seek(10);
    m.write(bytes("ab"));
    assertEquals("0123456789ab", str(Files.readAllBytes(file)));
  }

  /** §14: resize(sys.maxsize) is ftruncate's EFBIG; the file is unchanged. */
  @Test
  void resizeBeyondTheFileSystemLimitIsEfbig() throws IOException {
    Path file = file("f", bytes("0123456789"));
    Mmap m = track(Mmap.open(file, Access.WRITE));
    assertFails(IOException.class, EFBIG, () -> m.resize(Long.MAX_VALUE));
    assertEquals(10, Files.size(file));
    assertEquals(10, m.length());
  }

  /**
   * docs/semantics.md §15.4: unlike CPython (hazard 4) the file keeps its length and the map stays
   * usable.
   */
  @Test
  void resizeToZeroLeavesTheFileAlone() throws IOException {
    Path file = file("f", bytes("0123456789"));
    Mmap m = track(Mmap.open(file, Access.WRITE));
    assertFails(IOException.class, EINVAL, () -> m.resize(0));
    assertEquals(10, Files.size(file));
    assertEquals("0123456789", str(m.read()));
  }

  /** CPython's test_access_parameter (a) and (d): READ and COPY maps keep the file's size. */
  @Test
  void readAndCopyMapsDoNotResizeTheFile() throws IOException {
    Path file = file("f", filled(10, 'a'));
    for (Access access : new Access[] {Access.READ, Access.COPY}) {
      Mmap m = track(Mmap.open(file, access));
      assertFails(UnsupportedOperationException.class, RESIZE_READONLY, () -> m.resize(20));
    }
    assertEquals(10, Files.size(file));
  }

  /**
   * §5.10: the file becomes offset + newsize even when that is shorter than it was, so a map of 10
   * bytes of a 20-byte file grown to 12 shows the file's bytes 10 and 11, and the file shrinks.
   */
  @Test
  void growingIntoExistingFileBytesShowsThemAndCutsTheRest() throws IOException {
    Path file = file("f", bytes("01234567890123456789"));
    Mmap m = track(Mmap.open(file, 10, Access.WRITE));
    m.resize(12);
    assertEquals("012345678901", str(m.slice(0, 12)));
    assertEquals(12, Files.size(file));
  }

  @Test
  void growingKeepsThePosition() throws IOException {
    Mmap m = track(Mmap.open(file("f", bytes("0123456789")), Access.WRITE));
    m.seek(7);
    m.resize(20);
    assertEquals(7, m.tell());
    assertEquals("789" + "\0".repeat(10), str(m.read()));
  }

  /** §5.10 at an offset: the file becomes offset + newSize, not newSize, and keeps its head. */
  @Test
  void growingAMapAtAnOffsetMakesTheFileOffsetPlusTheNewSize() throws IOException {
    Path file = file("f", filled(2 * P, 'x'));
    Mmap m = track(Mmap.open(file, P, Access.WRITE, P));
    m.resize(2 * P + 5);
    assertEquals(2 * P + 5, m.length());
    assertEquals(3 * P + 5, Files.size(file));
    assertEquals(3 * P + 5, m.size());
    assertEquals("x".repeat(P) + "\0".repeat(P + 5), str(m.slice(0, 2 * P + 5)));
    m.set(-1, 'y');
    assertEquals("x".repeat(2 * P) + "\0".repeat(P + 4) + "y", str(Files.readAllBytes(file)));
  }

  /** At an offset, a growth that ends inside the file shows its bytes and cuts the rest. */
  @Test
  void growingAMapAtAnOffsetIntoExistingFileBytesCutsTheFileThere() throws IOException {
    byte[] content = filled(4 * P, 'x');
    content[2 * P + 3] = 'z';
    Path file = file("f", content);
    Mmap m = track(Mmap.open(file, P, Access.DEFAULT, P));
    m.resize(P + 4);
    assertEquals("z", str(m.slice(P + 3, P + 4)));
    assertEquals(2 * P + 4, Files.size(file));
  }

  /** A growth to exactly the file's length changes no byte of it (nothing needs extending). */
  @Test
  void growingToExactlyTheFileLengthKeepsItsLastByte() throws IOException {
    Path file = file("f", bytes("01234567890123456789"));
    Mmap m = track(Mmap.open(file, 10, Access.WRITE));
    m.resize(20);
    assertEquals("01234567890123456789", str(m.slice(0, 20)));
    assertEquals("01234567890123456789", str(Files.readAllBytes(file)));
  }

  /**
   * tmpfs takes a file of {@code Long.MAX_VALUE} bytes, the kernel cannot map it: the resize fails
   * with the kernel's error and, unlike CPython (which leaves the file extended), gives the file
   * its old length back; the map is as it was (docs/semantics.md §15.4, failed operations change
   * nothing). The errno is mmap(2)'s, not CPython's mremap(2)'s, so only the type is pinned.
   */
  @Test
  void growthTheKernelCannotMapLeavesTheFileAsItWas() throws IOException {
    Path file = Files.createTempFile(Path.of("/dev/shm"), "mmap4j-test-", ".bin");
    try {
      Files.write(file, bytes("0123456789"));
      Mmap m = track(Mmap.open(file, Access.WRITE));
      assertThrows(IOException.class, () -> m.resize(Long.MAX_VALUE));
      assertEquals(10, Files.size(file));
      assertEquals("0123456789", str(m.slice(0, 10)));
      m.set(0, 'x');
      assertEquals("x123456789", str(Files.readAllBytes(file)));
    } finally {
      Files.delete(file);
    }
  }
}
