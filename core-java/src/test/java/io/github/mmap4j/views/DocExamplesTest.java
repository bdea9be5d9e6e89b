package io.github.mmap4j.views;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/beyond-cpython.md, as written there, on files in a temporary directory
 * ({@code Path.of("x")} there is {@code dir.resolve("x")} here), with what they should do checked.
 */
class DocExamplesTest {
  @TempDir Path dir;

  @Test
  void propertiesExample() throws IOException {
    Files.writeString(dir.resolve("app.properties"), "color=blue\n");
    Properties settings = new Properties();
    try (Mmap m = Mmap.open(dir.resolve("app.properties"))) {
      settings.load(m.inputStream());
    }
    assertEquals("blue", settings.getProperty("color"));
  }

  @Test
  void zipExample() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("monday.log"));
      out.putNextEntry(new ZipEntry("tuesday.log"));
    }
    Files.write(dir.resolve("logs.zip"), bytes.toByteArray());
    List<String> names = new ArrayList<>();
    try (Mmap m = Mmap.open(dir.resolve("logs.zip"));
        ZipInputStream zip = new ZipInputStream(m.inputStream())) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        names.add(entry.getName());
      }
    }
    assertEquals(List.of("monday.log", "tuesday.log"), names);
  }

  @Test
  void filesCopyExample() throws IOException {
    Files.writeString(dir.resolve("big.log"), "INFO up\nERROR disk\nINFO retry\n");
    try (Mmap m = Mmap.open(dir.resolve("big.log"))) {
      m.seek(m.find("\nERROR".getBytes(US_ASCII)) + 1);
      Files.copy(m.inputStream(), dir.resolve("errors.log"));
    }
    assertEquals("ERROR disk\nINFO retry\n", Files.readString(dir.resolve("errors.log")));
  }

  @Test
  void outputStreamExample() throws IOException {
    Files.write(dir.resolve("image.bin"), new byte[8192]);
    Files.writeString(dir.resolve("payload.bin"), "payload");
    try (Mmap m = Mmap.open(dir.resolve("image.bin"), Access.WRITE)) {
      m.seek(4096);
      Files.copy(dir.resolve("payload.bin"), m.outputStream());
      assertEquals(4103, m.tell());
    }
    byte[] image = Files.readAllBytes(dir.resolve("image.bin"));
    assertEquals("payload", new String(image, 4096, 7, US_ASCII));
  }

  @Test
  void channelExample() throws IOException {
    Files.write(dir.resolve("records.bin"), new byte[256]);
    ByteBuffer back;
    try (Mmap m = Mmap.open(dir.resolve("records.bin"), Access.WRITE);
        SeekableByteChannel channel = m.channel()) {
      byte[] header = "RECORDS v1".getBytes(US_ASCII);
      channel.position(128).write(ByteBuffer.wrap(header));
      back = ByteBuffer.allocate(header.length);
      channel.position(128).read(back);

      try (FileChannel copy = FileChannel.open(dir.resolve("copy.bin"), CREATE_NEW, WRITE)) {
        copy.transferFrom(channel.position(0), 0, channel.size());
      }
    }
    assertEquals("RECORDS v1", new String(back.array(), US_ASCII));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("records.bin")),
        Files.readAllBytes(dir.resolve("copy.bin")));
  }

  @Test
  void residencyExample() throws IOException {
    Files.write(dir.resolve("index.bin"), new byte[3 << 20]);
    long hot;
    try (Mmap m = Mmap.open(dir.resolve("index.bin"))) {
      if (!m.isLoaded()) {
        m.load();
      }
      hot = m.residentBytes(0, 1 << 20);
    }
    assertEquals(1 << 20, hot);
  }
}
