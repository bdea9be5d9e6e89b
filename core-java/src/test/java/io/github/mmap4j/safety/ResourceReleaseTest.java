package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.testing.ProcessResources;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** close() gives back the mapping and the owned channel at once, not at the next GC. */
class ResourceReleaseTest {
  private static final Path MAPS = Path.of("/proc/self/maps");

  @TempDir Path dir;

  private Path file(String name, int size) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, new byte[size]);
    return file;
  }

  @Test
  void closeUnmapsAndClosesTheOwnedChannel() throws IOException {
    Path file = file("owned.bin", 1 << 20);
    Mmap map = Mmap.open(file, Access.WRITE);
    assertEquals(1, ProcessResources.mappingsOf(file));
    assertEquals(1, ProcessResources.descriptorsOf(file));
    map.close();
    assertEquals(0, ProcessResources.mappingsOf(file));
    assertEquals(0, ProcessResources.descriptorsOf(file));
  }

  @Test
  void closeUnmapsButLeavesABorrowedChannelOpen() throws IOException {
    Path file = file("borrowed.bin", 1 << 16);
    try (FileChannel channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
      Mmap map = Mmap.map(channel, 0, Access.READ);
      map.close();
      assertEquals(0, ProcessResources.mappingsOf(file));
      assertEquals(1 << 16, channel.size()); // still open
    }
  }

  @Test
  void closeFromAnotherThreadUnmapsABorrowedChannelMap() throws Exception {
    Path file = file("borrowed-elsewhere.bin", 1 << 16);
    try (FileChannel channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
      Mmap map = Mmap.map(channel, 0, Access.READ);
      Thread closer = new Thread(map::close);
      closer.start();
      closer.join();
      assertEquals(0, ProcessResources.mappingsOf(file));
      assertTrue(map.isClosed());
    }
  }

  @Test
  void resizeLeavesOneMapping() throws IOException {
    Path file = file("resized.bin", 4 * Mmap.PAGESIZE);
    try (Mmap map = Mmap.open(file, Access.WRITE)) {
      map.resize(Mmap.PAGESIZE);
      map.resize(8 * Mmap.PAGESIZE);
      assertEquals(1, ProcessResources.mappingsOf(file));
    }
    assertEquals(0, ProcessResources.mappingsOf(file));
  }

  @Test
  void twoHundredThousandOpenCloseCyclesLeakNothing() throws IOException {
    Path file = file("cycles.bin", 1 << 20);
    long mapsBefore = Files.readAllLines(MAPS).size();
    for (int i = 0; i < 200_000; i++) {
      try (Mmap map = Mmap.open(file, i % 2 == 0 ? Access.READ : Access.WRITE)) {
        map.get(i % (1 << 20));
      }
    }
    assertEquals(0, ProcessResources.mappingsOf(file));
    assertEquals(0, ProcessResources.descriptorsOf(file));
    // The JVM may map a few regions of its own meanwhile (code cache, heap); ours are gone.
    long mapsAfter = Files.readAllLines(MAPS).size();
    assertTrue(mapsAfter - mapsBefore < 50, "maps grew from " + mapsBefore + " to " + mapsAfter);
  }
}
