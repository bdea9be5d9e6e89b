package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file truncated under a live map (CPython's hazards 1–3 in docs/semantics.md §13, a SIGBUS
 * there): every operation touching the lost pages throws {@link MmapTruncatedException}, no {@code
 * InternalError} escapes, even from JIT-compiled code where the JVM delivers the fault late, and
 * close() still works.
 */
class TruncationTest {
  private static final int PAGE = Mmap.PAGESIZE;
  private static final int WARM_CALLS = 20_000; // enough for C1 and C2 to compile the paths

  @TempDir Path dir;

  private Mmap truncatedMap(Access access) throws IOException {
    Path file = dir.resolve("f-" + access);
    Files.write(file, new byte[3 * PAGE]);
    Mmap map = Mmap.open(file, access);
    try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
      other.truncate(10);
    }
    return map;
  }

  private void assertEveryCallFails(Access access, Consumer<Mmap> operation) throws IOException {
    try (Mmap map = truncatedMap(access)) {
      for (int i = 0; i < WARM_CALLS; i++) {
        MmapTruncatedException e =
            assertThrows(MmapTruncatedException.class, () -> operation.accept(map));
        assertTrue(e.getMessage().startsWith("the file shrank under the mapping"), e.getMessage());
      }
    }
  }

  @Test
  void getOnALostPage() throws IOException {
    assertEveryCallFails(Access.READ, m -> m.get(2 * PAGE));
  }

  @Test
  void setOnALostPage() throws IOException {
    assertEveryCallFails(Access.WRITE, m -> m.set(2 * PAGE, 1));
  }

  @Test
  void sliceAcrossALostPage() throws IOException {
    assertEveryCallFails(Access.READ, m -> m.slice(0, 3L * PAGE));
  }

  @Test
  void findThroughALostPage() throws IOException {
    assertEveryCallFails(Access.READ, m -> m.find(new byte[] {1, 2}, 0));
  }

  @Test
  void readLineIntoALostPage() throws IOException {
    assertEveryCallFails(
        Access.READ,
        m -> {
          m.seek(PAGE + 5);
          m.readLine();
        });
  }

  @Test
  void writeOntoALostPage() throws IOException {
    assertEveryCallFails(
        Access.WRITE,
        m -> {
          m.seek(PAGE);
          m.write(new byte[] {1, 2, 3});
        });
  }

  @Test
  void moveIntoALostPage() throws IOException {
    assertEveryCallFails(Access.WRITE, m -> m.move(2L * PAGE, 0, 16));
  }

  @Test
  void bytesOfTheLastPageStillReadAndTheMapStillCloses() throws IOException {
    Mmap map = truncatedMap(Access.READ);
    assertEquals(0, map.get(100)); // same page as the new end of file: zeros, as in CPython
    assertArrayEquals(new byte[10], map.slice(0, 10));
    assertEquals(10, map.size());
    map.close();
    assertTrue(map.isClosed());
  }
}
