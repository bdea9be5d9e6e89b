package io.github.mmap4j.file;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.filled;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.EACCES;
import static io.github.mmap4j.testing.Messages.EINVAL;
import static io.github.mmap4j.testing.Messages.LENGTH_TOO_BIG;
import static io.github.mmap4j.testing.Messages.READONLY;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §3.3, §3.5 and §11: WRITE and DEFAULT maps share the file (no flush needed to
 * be seen), COPY edits never reach it, READ and COPY work on a read-only descriptor while DEFAULT
 * and WRITE are EACCES there. Ports CPython's test_access_parameter and the seed tutorial (§14.1).
 */
class FileMmapAccessTest extends FileFixture {
  private Path tenA() throws IOException {
    return file("a", filled(10, 'a'));
  }

  private static String content(Path file) throws IOException {
    return str(Files.readAllBytes(file));
  }

  /** test_access_parameter (a): an ACCESS_READ map of an rb descriptor. */
  @Test
  void readMapOfAReadOnlyChannelReadsAndRefusesWrites() throws IOException {
    Path file = tenA();
    Mmap m = track(Mmap.map(channel(file, READ), 10, Access.READ));
    assertEquals("a".repeat(10), str(m.slice(0, 10)));
    assertFails(
        UnsupportedOperationException.class, READONLY, () -> m.setSlice(0, 10, filled(10, 'b')));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.write(bytes("abc")));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.writeByte('d'));
    assertEquals("a".repeat(10), content(file));
  }

  /** test_access_parameter (c): ACCESS_WRITE changes the file, flushed and closed. */
  @Test
  void writeMapChangesTheFile() throws IOException {
    Path file = tenA();
    Mmap m = Mmap.open(file, 10, Access.WRITE);
    m.setSlice(0, 10, filled(10, 'c'));
    assertEquals("c".repeat(10), str(m.slice(0, 10)));
    m.flush();
    m.close();
    assertEquals("c".repeat(10), content(file));
  }

  /** test_access_parameter (d): ACCESS_COPY reads back its own edits, the file never sees them. */
  @Test
  void copyMapNeverReachesTheFile() throws IOException {
    Path file = tenA();
    Mmap m = track(Mmap.open(file, 10, Access.COPY));
    m.setSlice(0, 10, filled(10, 'd'));
    assertEquals("d".repeat(10), str(m.slice(0, 10)));
    m.flush();
    assertEquals("a".repeat(10), content(file));
  }

  @Test
  void noCopyMapOperationReachesTheFile() throws IOException {
    Path file = file("f", bytes("0123456789"));
    try (Mmap m = Mmap.open(file, Access.COPY)) {
      m.write(bytes("ab"));
      m.writeByte('c');
      m.set(9, 'z');
      m.move(3, 0, 3);
      m.flush(0, 10);
      assertEquals("abcabc678z", str(m.slice(0, 10)));
    }
    assertEquals("0123456789", content(file));
  }

  /**
   * §3.5: CPython maps COPY from an O_RDONLY descriptor. The JDK makes private maps only from
   * writable channels and a borrowed channel exposes no descriptor for an mmap(2) downcall, so
   * mmap4j refuses with EACCES and says to use {@code Mmap.open(path, …)} (docs/semantics.md
   * §15.4).
   */
  @Test
  void copyMapOfAReadOnlyChannelIsEacces() throws IOException {
    FileChannel ch = channel(tenA(), READ);
    IOException e = assertThrows(IOException.class, () -> Mmap.map(ch, 0, Access.COPY));
    assertTrue(e.getMessage().startsWith(EACCES + ": "), e.getMessage());
    // Tests run with native access, so the advice is the one that applies then (the forked
    // NativeAccessTest checks the advice without it).
    assertTrue(e.getMessage().contains("Mmap.open(path, Access.COPY)"), e.getMessage());
    assertFalse(e.getMessage().contains("--enable-native-access"), e.getMessage());
  }

  /** §3.5: DEFAULT and WRITE need a writable descriptor: PermissionError [Errno 13]. */
  @Test
  void writableMapOfAReadOnlyChannelIsEacces() throws IOException {
    FileChannel ch = channel(tenA(), READ);
    assertFails(IOException.class, EACCES, () -> Mmap.map(ch, 0));
    assertFails(IOException.class, EACCES, () -> Mmap.map(ch, 10, Access.WRITE));
    assertFails(IOException.class, EACCES, () -> Mmap.map(ch, 0, Access.DEFAULT));
  }

  /** §1: byte i of a map at offset o is file byte o + i, for writes as for reads. */
  @Test
  void writesAtAnOffsetLandAtThatFileOffset() throws IOException {
    Path file = file("f", filled(2 * Mmap.PAGESIZE, '.'));
    try (Mmap m = Mmap.open(file, 4, Access.WRITE, Mmap.PAGESIZE)) {
      m.write(bytes("abcd"));
    }
    String content = content(file);
    assertEquals(".".repeat(Mmap.PAGESIZE) + "abcd", content.substring(0, Mmap.PAGESIZE + 4));
    assertEquals(".".repeat(Mmap.PAGESIZE - 4), content.substring(Mmap.PAGESIZE + 4));
  }

  /** §3.5: an O_WRONLY descriptor (opened "wb") cannot be mapped at all. */
  @Test
  void mapOfAWriteOnlyChannelIsEacces() throws IOException {
    FileChannel ch = channel(tenA(), WRITE);
    assertFails(IOException.class, EACCES, () -> Mmap.map(ch, 0, Access.READ));
    assertFails(IOException.class, EACCES, () -> Mmap.map(ch, 0, Access.COPY));
    assertFails(IOException.class, EACCES, () -> Mmap.map(ch, 0));
  }

  /** §3.2 step 7 comes before mmap(2): the size error wins over the permission error. */
  @Test
  void sizeRulesComeBeforePermissions() throws IOException {
    FileChannel ch = channel(tenA(), READ);
    assertFails(IllegalArgumentException.class, LENGTH_TOO_BIG, () -> Mmap.map(ch, 11));
  }

  /** §11: a shared map and the file's channel see each other's bytes at once, without flush. */
  @Test
  void sharedMapAndChannelSeeEachOther() throws IOException {
    Path file = file("f", bytes("0123456789"));
    FileChannel ch = channel(file, READ, WRITE);
    Mmap m = track(Mmap.map(ch, 0));
    m.set(0, 'x');
    ByteBuffer buf = ByteBuffer.allocate(1);
    ch.read(buf, 0);
    assertEquals('x', buf.get(0));
    ch.write(ByteBuffer.wrap(bytes("y")), 9);
    assertEquals('y', m.get(9));
  }

  /** Maps of a borrowed channel are made by the JDK, not by mmap(2) downcalls: flush them too. */
  @Test
  void flushOfAChannelMapWritesTheFile() throws IOException {
    Path file = file("f", new byte[2 * Mmap.PAGESIZE]);
    Mmap m = track(Mmap.map(channel(file, READ, WRITE), 0, Access.WRITE));
    m.write(bytes("flushed"));
    m.flush();
    m.flush(Mmap.PAGESIZE, Mmap.PAGESIZE);
    assertFails(IOException.class, EINVAL, () -> m.flush(1, 6));
    assertEquals("flushed", content(file).substring(0, 7));
  }

  /** §14.1: the tutorial's length 40 on a 28-byte file is CPython's ValueError. */
  @Test
  void seedLengthLargerThanTheFileFails() throws IOException {
    Path file = file("seed", new byte[28]);
    assertFails(
        IllegalArgumentException.class, LENGTH_TOO_BIG, () -> Mmap.open(file, 40, Access.WRITE));
    assertEquals(28, Files.size(file));
  }

  /** §14.1: the tutorial on a 40-byte file, with m[13:28] as setSlice(13, 28, …). */
  @Test
  void seedWalkthrough() throws IOException {
    Path file = file("seed", new byte[40]);
    try (Mmap m = Mmap.open(file, 40, Access.WRITE)) {
      assertEquals(13, m.write(bytes("Hello, world!")));
      m.setSlice(13, 28, bytes("Goodbye, world!"));
      assertEquals("Hello, world!Goodbye, world!", str(m.slice(0, 28)));
      m.read();
      assertEquals(-1, m.find(bytes("world")));
    }
    assertEquals("Hello, world!Goodbye, world!", content(file).substring(0, 28));
  }

  /** §3.3 and hazard 9: COPY is not a snapshot; pages it never wrote show later file changes. */
  @Test
  void copyMapSeesOutsideWritesToPagesItDidNotTouch() throws IOException {
    Path file = file("f", bytes("0123456789"));
    Mmap m = track(Mmap.open(file, Access.COPY));
    try (FileChannel ch = FileChannel.open(file, WRITE)) {
      ch.write(ByteBuffer.wrap(bytes("Z")), 5);
    }
    assertEquals("01234Z6789", str(m.slice(0, 10)));
  }

  /** §5.5: MADV_DONTNEED on a COPY map drops its private edits; the file's bytes come back. */
  @Test
  void dontneedOnACopyMapRevertsToTheFile() throws IOException {
    Path file = file("f", bytes("0123456789"));
    Mmap m = track(Mmap.open(file, Access.COPY));
    m.setSlice(0, 3, bytes("abc"));
    m.madvise(Madvise.DONTNEED);
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  /** Private file pages: MADV_FREE is EINVAL, MADV_REMOVE the kernel's EACCES (CPython 3.11). */
  @Test
  void freeAndRemoveOnACopyMapAreRefused() throws IOException {
    Mmap m = track(Mmap.open(file("f", new byte[2 * Mmap.PAGESIZE]), Access.COPY));
    assertFails(IOException.class, EINVAL, () -> m.madvise(Madvise.FREE));
    assertFails(IOException.class, EACCES, () -> m.madvise(Madvise.REMOVE));
  }

  /** §11: two shared maps of one file are the same memory. */
  @Test
  void twoSharedMapsOfAFileSeeEachOther() throws IOException {
    Path file = file("f", bytes("0123456789"));
    Mmap writer = track(Mmap.open(file, Access.WRITE));
    Mmap reader = track(Mmap.open(file, Access.READ));
    writer.set(0, 'x');
    assertEquals("x123456789", str(reader.read()));
  }
}
