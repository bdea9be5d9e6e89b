package io.github.mmap4j.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outputStream()} writes at the map's position, never past the end. */
class OutputStreamTest {
  @TempDir Path dir;

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private Path dots(int length) throws IOException {
    return Files.write(dir.resolve("dots.txt"), ascii(".".repeat(length)));
  }

  @Test
  void writesAtThePositionAndAdvancesIt() throws IOException {
    Path file = dots(10);
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      m.seek(2);
      OutputStream out = m.outputStream();
      out.write(ascii("abc"));
      out.write('d');
      out.write(ascii("xefx"), 1, 2);
      assertEquals(8, m.tell());
    }
    assertEquals("..abcdef..", Files.readString(file));
  }

  @Test
  void writeOfAnIntStoresItsLowByte() throws IOException {
    try (Mmap m = Mmap.anonymous(2)) {
      m.outputStream().write(0x1ff);
      assertEquals(0xff, m.get(0));
    }
  }

  @Test
  void aWritePastTheEndWritesNothing() throws IOException {
    Path file = dots(10);
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      m.seek(7);
      IOException e = assertThrows(IOException.class, () -> m.outputStream().write(ascii("abcd")));
      assertEquals("data out of range (position 7, length 10, data 4 bytes)", e.getMessage());
      assertInstanceOf(IndexOutOfBoundsException.class, e.getCause());
      assertEquals(7, m.tell());
    }
    assertEquals("..........", Files.readString(file));
  }

  @Test
  void aByteAtTheEndDoesNotFit() throws IOException {
    try (Mmap m = Mmap.anonymous(3)) {
      m.seek(3);
      IOException e = assertThrows(IOException.class, () -> m.outputStream().write(1));
      assertEquals("data out of range (position 3, length 3, data 1 byte)", e.getMessage());
    }
  }

  @Test
  void anOutputStreamOfAReadMapCannotBeMade() throws IOException {
    try (Mmap m = Mmap.open(dots(4), Access.READ)) {
      UnsupportedOperationException e =
          assertThrows(UnsupportedOperationException.class, m::outputStream);
      assertEquals("mmap can't modify a readonly memory map.", e.getMessage());
    }
  }

  @Test
  void printStreamWritesTextIntoTheMap() throws IOException {
    Path file = dots(16);
    try (Mmap m = Mmap.open(file, Access.WRITE);
        PrintStream print = new PrintStream(m.outputStream(), true, StandardCharsets.UTF_8)) {
      print.printf("%d × %d", 6, 7);
    }
    assertEquals("6 × 7..........", Files.readString(file)); // × takes two bytes
  }

  @Test
  void aZipWrittenThroughTheOutputStreamReadsBackThroughTheInputStream() throws IOException {
    try (Mmap m = Mmap.anonymous(4096)) {
      try (ZipOutputStream zip = new ZipOutputStream(m.outputStream())) {
        zip.putNextEntry(new ZipEntry("a.txt"));
        zip.write(ascii("written into anonymous memory"));
      }
      m.seek(0);
      try (ZipInputStream zip = new ZipInputStream(m.inputStream())) {
        assertEquals("a.txt", zip.getNextEntry().getName());
        assertArrayEquals(ascii("written into anonymous memory"), zip.readAllBytes());
      }
    }
  }

  @Test
  void closingTheStreamLeavesTheMapOpen() throws IOException {
    try (Mmap m = Mmap.anonymous(4)) {
      OutputStream out = m.outputStream();
      out.close();
      out.flush(); // nothing is buffered: flushing a closed stream has nothing to do
      assertFalse(m.isClosed());
      m.writeByte(1);
      assertEquals(
          "Stream closed", assertThrows(IOException.class, () -> out.write(1)).getMessage());
    }
  }

  @Test
  void aClosedMapMakesWritesIOExceptions() throws IOException {
    Mmap m = Mmap.anonymous(4);
    OutputStream out = m.outputStream();
    m.close();
    IOException e = assertThrows(IOException.class, () -> out.write(ascii("ab")));
    assertEquals("mmap closed or invalid", e.getMessage());
    IOException empty = assertThrows(IOException.class, () -> out.write(new byte[0]));
    assertEquals("mmap closed or invalid", empty.getMessage());
  }
}
