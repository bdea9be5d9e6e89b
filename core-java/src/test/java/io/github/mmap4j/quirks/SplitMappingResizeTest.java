package io.github.mmap4j.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Growing a map whose pages got different {@code madvise} flags fails as in CPython, where {@code
 * mremap(2)} refuses a range that {@code madvise} split into several VMAs (observed on CPython
 * 3.11: {@code OSError: [Errno 14] Bad address}, the file already extended, {@code len(m)}
 * unchanged).
 */
class SplitMappingResizeTest {
  private static final int P = Mmap.PAGESIZE;

  @TempDir Path dir;

  private Mmap threePages() throws IOException {
    Path file = dir.resolve("f.bin");
    Files.write(file, new byte[3 * P]);
    return Mmap.open(file, Access.WRITE);
  }

  @Test
  void growingAfterSequentialOnOnePageIsBadAddressAndExtendsTheFile() throws IOException {
    try (Mmap m = threePages()) {
      m.madvise(Madvise.SEQUENTIAL, 0, P);
      IOException e = assertThrows(IOException.class, () -> m.resize(5 * P));
      assertEquals("[Errno 14] Bad address", e.getMessage());
      assertEquals(3 * P, m.length());
      assertEquals(5 * P, m.size());
    }
  }

  @Test
  void adviceThatKeepsTheFlagsUniformAllowsGrowth() throws IOException {
    try (Mmap m = threePages()) {
      m.madvise(Madvise.SEQUENTIAL, 0, P);
      m.madvise(Madvise.NORMAL, 0, P); // the VMAs merge again
      m.madvise(Madvise.WILLNEED, 0, P); // acts on pages, not on flags
      m.madvise(Madvise.RANDOM); // the whole map: one VMA
      m.resize(5 * P);
      assertEquals(5 * P, m.length());
    }
  }

  @Test
  void shrinkingWithinTheSamePageCountOrBelowStillWorks() throws IOException {
    try (Mmap m = threePages()) {
      m.madvise(Madvise.DONTFORK, 2L * P);
      m.resize(3 * P - 5); // same pages
      m.resize(2 * P); // drops the odd page
      m.resize(4 * P); // one VMA again
      assertEquals(4 * P, m.length());
    }
  }

  @Test
  void differentHugepageAdviceOnNeighboursSplits() throws IOException {
    try (Mmap m = threePages()) {
      m.madvise(Madvise.HUGEPAGE, 0, P);
      m.madvise(Madvise.NOHUGEPAGE, P);
      IOException e = assertThrows(IOException.class, () -> m.resize(3 * P + 1));
      assertEquals("[Errno 14] Bad address", e.getMessage());
    }
  }
}
