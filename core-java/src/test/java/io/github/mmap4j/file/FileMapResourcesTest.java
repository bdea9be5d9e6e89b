package io.github.mmap4j.file;

import static io.github.mmap4j.testing.ProcessResources.descriptorsOf;
import static io.github.mmap4j.testing.ProcessResources.mappingsOf;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a file map holds of the process, seen in {@code /proc/self}: one mapping of the file and, if
 * it opened the file itself, one descriptor; a resize replaces the mapping rather than adding one,
 * and {@code close()} gives both back at once. (The forked {@code ResourceReleaseTest} checks the
 * whole process over many cycles.)
 */
class FileMapResourcesTest extends FileFixture {
  private static final int P = Mmap.PAGESIZE;

  @Test
  void closeUnmapsAndClosesTheChannelItOpened() throws IOException {
    Path file = file("f", new byte[2 * P]);
    Mmap m = Mmap.open(file, Access.WRITE);
    assertEquals(1, descriptorsOf(file));
    assertEquals(1, mappingsOf(file));
    m.close();
    assertEquals(0, descriptorsOf(file));
    assertEquals(0, mappingsOf(file));
  }

  @Test
  void resizeReplacesTheMappingInsteadOfAddingOne() throws IOException {
    Path file = file("f", new byte[2 * P]);
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      m.resize(5 * P);
      m.resize(P);
      m.resize(3 * P + 1);
      assertEquals(1, mappingsOf(file));
      assertEquals(1, descriptorsOf(file));
    }
    assertEquals(0, mappingsOf(file));
  }

  @Test
  void closeLeavesABorrowedChannelOpen() throws IOException {
    Path file = file("f", new byte[2 * P]);
    FileChannel channel = channel(file, READ, WRITE);
    Mmap m = Mmap.map(channel, 0, Access.WRITE);
    m.resize(3 * P);
    assertEquals(1, mappingsOf(file));
    m.close();
    assertEquals(0, mappingsOf(file));
    assertTrue(channel.isOpen());
    assertEquals(1, descriptorsOf(file));
  }

  /**
   * A borrowed channel's map belongs to the thread that made it; closed from another thread it is
   * unmapped all the same.
   */
  @Test
  void closeFromAnotherThreadUnmapsABorrowedChannelsMap() throws Exception {
    Path file = file("f", new byte[2 * P]);
    Mmap m = Mmap.map(channel(file, READ, WRITE), 0, Access.WRITE);
    assertEquals(1, mappingsOf(file));
    Thread closer = Thread.ofPlatform().start(m::close);
    closer.join();
    assertTrue(m.isClosed());
    assertEquals(0, mappingsOf(file));
  }
}
