package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations added beside CPython's, and madvise, on a file truncated under the map: each goes
 * through the one guarded path, so each turns the fault into {@link MmapTruncatedException} (after
 * the JIT compiled it), including a fault inside user code that a view runs.
 */
class GuardedPathTruncationTest {
  private static final int PAGE = Mmap.PAGESIZE;
  private static final int WARM_CALLS = 20_000;

  @TempDir Path dir;

  private Mmap truncatedMap(Access access) throws IOException {
    Path file = dir.resolve("f-" + access + System.nanoTime());
    Files.write(file, new byte[3 * PAGE]);
    Mmap map = Mmap.open(file, access);
    try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
      other.truncate(10);
    }
    return map;
  }

  private interface Call {
    void on(Mmap m) throws IOException;
  }

  private void assertEveryCallFails(Access access, Call call) throws IOException {
    try (Mmap map = truncatedMap(access)) {
      for (int i = 0; i < WARM_CALLS; i++) {
        MmapTruncatedException e = assertThrows(MmapTruncatedException.class, () -> call.on(map));
        assertTrue(e.getMessage().startsWith("the file shrank under the mapping"), e.getMessage());
      }
    }
  }

  /**
   * The action compares what it read instead of returning it boxed: HotSpot resumes after the fault
   * with an undefined register, and {@code Byte.valueOf} indexes its cache with it unchecked (the
   * JIT knows a byte is in -128..127), which crashes the JVM. That hazard is the JDK's and concerns
   * any code over mapped memory; docs/safety.md says what code inside a view should avoid.
   */
  @Test
  void aFaultInsideAViewSurfacesFromWithSegment() throws IOException {
    assertEveryCallFails(
        Access.READ,
        m -> m.withSegment(0, 3L * PAGE, s -> s.get(ValueLayout.JAVA_BYTE, 2L * PAGE) == 7));
  }

  @Test
  void typedAndAtomicWordsOnALostPage() throws IOException {
    assertEveryCallFails(Access.READ, m -> m.getLong(2L * PAGE + 8));
    assertEveryCallFails(Access.WRITE, m -> m.getAndAddLong(2L * PAGE, 1));
  }

  @Test
  void bulkReadsIntoArraysOverALostPage() throws IOException {
    byte[] buf = new byte[PAGE];
    assertEveryCallFails(Access.READ, m -> m.get(2L * PAGE, buf, 0, PAGE));
    assertEveryCallFails(
        Access.READ,
        m -> {
          m.seek(2L * PAGE);
          m.read(buf, 0, PAGE);
        });
  }

  /** Without native access madvise(WILLNEED) loads the pages itself, touching the lost ones. */
  @Test
  void willNeedOverLostPagesWithoutNativeAccess() throws Exception {
    ForkedJvm.Result result = ForkedJvm.run(WillNeedOnTruncatedFile.class, List.of());
    assertEquals(0, result.exitCode(), result::stderr);
    assertEquals("willneed=MmapTruncatedException", result.stdout().strip());
  }

  /** With native access it is the kernel's madvise(2), which reports nothing for lost pages. */
  @Test
  void willNeedOverLostPagesWithNativeAccessIsHarmless() throws IOException {
    try (Mmap map = truncatedMap(Access.READ)) {
      map.madvise(Madvise.WILLNEED);
      assertEquals(0, map.get(5));
    }
  }
}
