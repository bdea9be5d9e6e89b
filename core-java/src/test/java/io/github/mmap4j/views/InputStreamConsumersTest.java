package io.github.mmap4j.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Mmap;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JDK code that takes an {@code InputStream} reads mapped files through {@code inputStream()}. */
class InputStreamConsumersTest {
  @TempDir Path dir;

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  @Test
  void propertiesLoadParsesAMappedFile() throws IOException {
    Path file = file("app.properties", "# comment\nname = mmap4j\nsize=42\n".getBytes());
    Properties properties = new Properties();
    try (Mmap m = Mmap.open(file)) {
      properties.load(m.inputStream());
    }
    assertEquals("mmap4j", properties.getProperty("name"));
    assertEquals("42", properties.getProperty("size"));
    assertEquals(2, properties.size());
  }

  @Test
  void zipInputStreamReadsTheEntriesOfAMappedZip() throws IOException {
    byte[] big = new byte[300_000];
    new Random(7).nextBytes(big);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
      zip.putNextEntry(new ZipEntry("hello.txt"));
      zip.write("Hello, world!".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("random.bin"));
      zip.write(big);
    }
    Path file = file("archive.zip", zipped.toByteArray());
    try (Mmap m = Mmap.open(file);
        ZipInputStream zip = new ZipInputStream(m.inputStream())) {
      assertEquals("hello.txt", zip.getNextEntry().getName());
      assertEquals("Hello, world!", new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      assertEquals("random.bin", zip.getNextEntry().getName());
      assertArrayEquals(big, zip.readAllBytes());
      assertNull(zip.getNextEntry());
    }
  }

  @Test
  void filesCopyCopiesFromThePositionToTheEnd() throws IOException {
    Path file = file("source.txt", "skip me|copy me".getBytes(StandardCharsets.US_ASCII));
    Path copy = dir.resolve("copy.txt");
    try (Mmap m = Mmap.open(file)) {
      m.seek(8);
      assertEquals(7, Files.copy(m.inputStream(), copy));
      assertEquals(15, m.tell());
    }
    assertEquals("copy me", Files.readString(copy));
  }

  @Test
  void bufferedReaderReadsTheLinesOfAMappedTextFile() throws IOException {
    Path file = file("lines.txt", "first\nzweite Zeile\r\nthird, no newline".getBytes());
    try (Mmap m = Mmap.open(file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(m.inputStream(), StandardCharsets.UTF_8))) {
      assertEquals(List.of("first", "zweite Zeile", "third, no newline"), reader.lines().toList());
    }
  }

  @Test
  void dataInputStreamReadsBigEndianNumbersByteByByte() throws IOException {
    Path file = file("numbers.bin", new byte[] {0, 0, 1, 2, (byte) 0xff, (byte) 0xfe, 7});
    try (Mmap m = Mmap.open(file);
        DataInputStream in = new DataInputStream(m.inputStream())) {
      assertEquals(258, in.readInt());
      assertEquals(0xfffe, in.readUnsignedShort());
      assertEquals(7, in.read());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void transferToMovesLargeChunks() throws IOException {
    byte[] content = new byte[3 * 1024 * 1024 + 3];
    new Random(11).nextBytes(content);
    Path file = file("large.bin", content);
    List<Integer> writes = new ArrayList<>();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream recording =
        new OutputStream() {
          @Override
          public void write(int b) {
            throw new AssertionError("transferTo wrote a single byte");
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writes.add(len);
            sink.write(b, off, len);
          }
        };
    try (Mmap m = Mmap.open(file)) {
      assertEquals(content.length, m.inputStream().transferTo(recording));
    }
    assertArrayEquals(content, sink.toByteArray());
    assertTrue(writes.size() <= 13, "too many small writes: " + writes);
  }
}
