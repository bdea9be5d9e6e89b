package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** close() gives back the mapping and the owned channel at once, not at the next GC. */
class ResourceReleaseTest {
  private static final Path MAPS = Path.of("/proc/self/maps");
  private static final Path FDS = Path.of("/proc/self/fd");

  @TempDir Path dir;

  private static long mappingsOf(Path file) throws IOException {
    String name = file.toAbsolutePath().toString();
    List<String> lines = Files.readAllLines(MAPS);
    return lines.stream().filter(line -> line.endsWith(name)).count();
  }

  /**
   * Descriptors of this process open on {@code file}. Counting all descriptors would be flaky: other
   * tests' cleaners and child processes open and close descriptors while this test runs.
   */
  private static long descriptorsOn(Path file) throws IOException {
    Path target = file.toRealPath();
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.filter(fd -> pointsTo(fd, target)).count();
    }
  }

  private static boolean pointsTo(Path fd, Path target) {
    try {
      return Files.readSymbolicLink(fd).equals(target);
    } catch (IOException gone) {
      return false; // closed between listing and reading: not ours
    }
  }

  private Path file(String name, int size) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, new byte[size]);
    return file;
  }

  @Test
  void closeUnmapsAndClosesTheOwnedChannel() throws IOException {
    Path file = file("owned.bin", 1 << 20);
    Mmap map = Mmap.open(file, Access.WRITE);
    assertEquals(1, mappingsOf(file));
    assertEquals(1, descriptorsOn(file));
    map.close();
    assertEquals(0, mappingsOf(file));
    assertEquals(0, descriptorsOn(file));
  }

  @Test
  void closeUnmapsButLeavesABorrowedChannelOpen() throws IOException {
    Path file = file("borrowed.bin", 1 << 16);
    try (FileChannel channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
      Mmap map = Mmap.map(channel, 0, Access.READ);
      map.close();
      assertEquals(0, mappingsOf(file));
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
      assertEquals(0, mappingsOf(file));
      assertTrue(map.isClosed());
    }
  }

  @Test
  void resizeLeavesOneMapping() throws IOException {
    Path file = file("resized.bin", 4 * Mmap.PAGESIZE);
    try (Mmap map = Mmap.open(file, Access.WRITE)) {
      map.resize(Mmap.PAGESIZE);
      map.resize(8 * Mmap.PAGESIZE);
      assertEquals(1, mappingsOf(file));
    }
    assertEquals(0, mappingsOf(file));
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
    assertEquals(0, mappingsOf(file));
    assertEquals(0, descriptorsOn(file));
    // The JVM may map a few regions of its own meanwhile (code cache, heap); ours are gone.
    long mapsAfter = Files.readAllLines(MAPS).size();
    assertTrue(mapsAfter - mapsBefore < 50, "maps grew from " + mapsBefore + " to " + mapsAfter);
  }
}
