package io.github.mmap4j.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isLoaded}, {@code residentBytes} and {@code load} with native access (the test JVM has
 * it), where they are {@code mincore(2)} and {@code madvise(2)} plus page reads. Fresh anonymous
 * memory has no pages until they are touched, which makes residency predictable.
 */
class ResidencyTest {
  private static final int PAGE = Mmap.PAGESIZE;

  @TempDir Path dir;

  @Test
  void untouchedAnonymousMemoryIsNotResident() {
    try (Mmap m = Mmap.anonymous(8L * PAGE)) {
      assertEquals(0, m.residentBytes(0, 8L * PAGE));
      assertFalse(m.isLoaded());
    }
  }

  @Test
  void aTouchedPageCountsWithThePartOfItInTheRange() {
    try (Mmap m = Mmap.anonymous(8L * PAGE)) {
      m.set(3L * PAGE + 5, 1);
      assertEquals(PAGE, m.residentBytes(0, 8L * PAGE));
      assertEquals(10, m.residentBytes(3L * PAGE + 10, 3L * PAGE + 20));
      assertEquals(PAGE / 2, m.residentBytes(3L * PAGE + PAGE / 2, 5L * PAGE));
      assertEquals(0, m.residentBytes(0, 3L * PAGE));
      assertEquals(0, m.residentBytes(5, 5));
      assertFalse(m.isLoaded());
    }
  }

  @Test
  void loadMakesEveryPageOfAnAnonymousMapResident() {
    try (Mmap m = Mmap.anonymous(8L * PAGE + 100)) {
      m.load();
      assertTrue(m.isLoaded());
      assertEquals(8L * PAGE + 100, m.residentBytes(0, m.length()));
    }
  }

  @Test
  void loadOfAMapLargerThanOneChunkLoadsItAll() {
    long length = 20L << 20; // more than two of load()'s 8 MiB chunks
    try (Mmap m = Mmap.anonymous(length, Access.COPY)) {
      m.load();
      assertEquals(length, m.residentBytes(0, length));
    }
  }

  @Test
  void loadReadsTheHolesOfASparseFileIntoMemory() throws IOException {
    Path file = dir.resolve("sparse.bin");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(5L * PAGE + 7); // holes: no page is in memory until read
    }
    try (Mmap m = Mmap.open(file)) {
      assertEquals(0, m.residentBytes(0, m.length()));
      assertFalse(m.isLoaded());
      m.load();
      assertTrue(m.isLoaded());
      assertEquals(5L * PAGE + 7, m.residentBytes(0, m.length()));
      assertEquals(0, m.tell());
    }
  }

  @Test
  void aCloseDuringALoadEndsTheLoadSafely() throws Exception {
    Mmap m = Mmap.anonymous(64L << 20);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread loader =
        Thread.ofPlatform()
            .start(() -> {
              try {
                m.load();
              } catch (Throwable t) {
                outcome.set(t);
              }
            });
    Thread.sleep(5);
    m.close();
    loader.join();
    Throwable t = outcome.get();
    if (t != null) { // the load finished first, or met the closed map between two chunks
      assertInstanceOf(IllegalStateException.class, t);
      assertEquals("mmap closed or invalid", t.getMessage());
    }
  }

  @Test
  void residentBytesChecksItsRange() {
    try (Mmap m = Mmap.anonymous(100)) {
      assertThrows(IndexOutOfBoundsException.class, () -> m.residentBytes(-1, 10));
      assertThrows(IndexOutOfBoundsException.class, () -> m.residentBytes(50, 40));
      IndexOutOfBoundsException e =
          assertThrows(IndexOutOfBoundsException.class, () -> m.residentBytes(0, 101));
      assertEquals("Range [0, 101) out of bounds for length 100", e.getMessage());
    }
  }

  @Test
  void aClosedMapSaysSoForEachCall() {
    Mmap m = Mmap.anonymous(100);
    m.close();
    assertEquals(
        "mmap closed or invalid", assertThrows(IllegalStateException.class, m::load).getMessage());
    assertThrows(IllegalStateException.class, m::isLoaded);
    assertThrows(IllegalStateException.class, () -> m.residentBytes(0, 1));
  }

  private Mmap truncatedMap() throws IOException {
    Path file = Files.write(dir.resolve("shrinks.bin"), new byte[3 * PAGE]);
    Mmap map = Mmap.open(file, Access.READ);
    try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
      other.truncate(10);
    }
    return map;
  }

  @Test
  void loadOfATruncatedFileThrowsMmapTruncatedExceptionEvenWhenCompiled() throws IOException {
    try (Mmap m = truncatedMap()) {
      for (int i = 0; i < 20_000; i++) { // enough for C1 and C2 to compile the load loop
        MmapTruncatedException e = assertThrows(MmapTruncatedException.class, m::load);
        assertTrue(e.getMessage().startsWith("the file shrank under the mapping"), e.getMessage());
      }
    }
  }

  @Test
  void residencyOfATruncatedFileIsAnsweredWithoutTouchingThePages() throws IOException {
    try (Mmap m = truncatedMap()) {
      // How many lost pages still count depends on the kernel (a large folio that straddles the
      // new end of the file may stay cached); what matters is that asking never faults.
      long resident = m.residentBytes(0, 3L * PAGE);
      assertTrue(resident >= 0 && resident <= 3L * PAGE, "resident " + resident);
      assertEquals(resident == 3L * PAGE, m.isLoaded());
      assertEquals(0, m.get(5)); // and the map still works
    }
  }
}
