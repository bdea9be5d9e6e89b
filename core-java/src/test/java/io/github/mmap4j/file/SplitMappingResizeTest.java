package io.github.mmap4j.file;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.filled;
import static io.github.mmap4j.testing.Bytes.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Growing a map whose pages got different {@code madvise} flags fails as in CPython, where {@code
 * mremap(2)} refuses a range that {@code madvise} split into several VMAs (observed on CPython
 * 3.11: {@code OSError: [Errno 14] Bad address}, the file already extended, {@code len(m)}
 * unchanged). Pages a shrink drops take their flags with them; pages a growth adds take the last
 * page's.
 */
class SplitMappingResizeTest extends FileFixture {
  private static final int P = Mmap.PAGESIZE;
  private static final String BAD_ADDRESS = "[Errno 14] Bad address";

  /** The advice that changes a VMA's flags, in the order of the tables below. */
  private static final List<Madvise> FLAG_ADVICE =
      List.of(
          Madvise.NORMAL,
          Madvise.SEQUENTIAL,
          Madvise.RANDOM,
          Madvise.DONTFORK,
          Madvise.DOFORK,
          Madvise.DONTDUMP,
          Madvise.DODUMP,
          Madvise.HUGEPAGE,
          Madvise.NOHUGEPAGE);

  private Mmap pages(int count) throws IOException {
    return track(Mmap.open(file("f.bin", new byte[count * P]), Access.WRITE));
  }

  private static void assertGrowthFails(Mmap m, long newSize) {
    assertFails(IOException.class, BAD_ADDRESS, () -> m.resize(newSize));
  }

  @Test
  void growingAfterSequentialOnOnePageIsBadAddressAndExtendsTheFile() throws IOException {
    Mmap m = pages(3);
    m.madvise(Madvise.SEQUENTIAL, 0, P);
    assertGrowthFails(m, 5 * P);
    assertEquals(3 * P, m.length());
    assertEquals(5 * P, m.size());
  }

  /** CPython truncates first: a refused growth that ends inside a longer file cuts the file. */
  @Test
  void refusedGrowthIntoALongerFileCutsItToOffsetPlusNewSize() throws IOException {
    Path file = file("long.bin", new byte[8 * P]);
    Mmap m = track(Mmap.open(file, 3 * P, Access.WRITE));
    m.madvise(Madvise.SEQUENTIAL, 0, P);
    assertGrowthFails(m, 5 * P);
    assertEquals(5 * P, Files.size(file));
    assertEquals(3 * P, m.length());
  }

  @Test
  void adviceThatKeepsTheFlagsUniformAllowsGrowth() throws IOException {
    Mmap m = pages(3);
    m.madvise(Madvise.SEQUENTIAL, 0, P);
    m.madvise(Madvise.NORMAL, 0, P); // the VMAs merge again
    m.madvise(Madvise.WILLNEED, 0, P); // acts on pages, not on flags
    m.madvise(Madvise.RANDOM); // the whole map: one VMA
    m.resize(5 * P);
    assertEquals(5 * P, m.length());
  }

  @Test
  void resizesWithinTheSamePageCountIgnoreTheSplit() throws IOException {
    Mmap m = pages(3);
    m.madvise(Madvise.DONTFORK, 2L * P);
    m.resize(3 * P - 5);
    m.resize(3 * P); // grows, but within the last page
    assertEquals(3 * P, m.length());
    assertGrowthFails(m, 3 * P + 1);
  }

  /** Shrinking drops the advised last page: one VMA again. */
  @Test
  void shrinkingBelowTheAdvisedPagesMergesTheMapAgain() throws IOException {
    Mmap m = pages(3);
    m.madvise(Madvise.SEQUENTIAL, P); // pages 1 and 2
    m.resize(P);
    m.resize(4 * P);
    assertEquals(4 * P, m.length());
  }

  /** Shrinking keeps the flags of the pages it keeps: page 1 still differs from page 0. */
  @Test
  void shrinkingKeepsTheSplitBelowTheNewEnd() throws IOException {
    Mmap m = pages(3);
    m.madvise(Madvise.SEQUENTIAL, P, P); // page 1 only
    m.resize(2 * P);
    assertGrowthFails(m, 4 * P);
    m.resize(P); // now page 0 alone
    m.resize(4 * P);
    assertEquals(4 * P, m.length());
  }

  /** A growth extends the last VMA, so the new pages share the last page's flags. */
  @Test
  void grownPagesTakeTheLastPagesFlags() throws IOException {
    Mmap m = pages(1);
    m.madvise(Madvise.DONTFORK);
    m.resize(2 * P);
    m.resize(3 * P);
    assertEquals(3 * P, m.length());
  }

  @Test
  void differentHugepageAdviceOnNeighboursSplits() throws IOException {
    Mmap m = pages(3);
    m.madvise(Madvise.HUGEPAGE, 0, P);
    m.madvise(Madvise.NOHUGEPAGE, P);
    assertGrowthFails(m, 3 * P + 1);
  }

  /**
   * Advice {@code a} then {@code b} on page 0 of two, then a growth: {@code +} where the kernel
   * still sees one VMA (CPython grows the map), {@code x} where page 0's flags now differ from page
   * 1's ({@code [Errno 14] Bad address}). Printed by CPython 3.11 on Linux 6.x for every pair.
   */
  @Test
  void everyPairOfFlagAdviceSplitsOrMergesAsOnLinux() throws IOException {
    List<String> expected =
        List.of(
            "+xxx+x+xx", // NORMAL then each
            "+xxxxxxxx", // SEQUENTIAL
            "+xxxxxxxx", // RANDOM
            "xxxx+xxxx", // DONTFORK
            "+xxx+x+xx", // DOFORK
            "xxxxxx+xx", // DONTDUMP
            "+xxx+x+xx", // DODUMP
            "xxxxxxxxx", // HUGEPAGE
            "xxxxxxxxx"); // NOHUGEPAGE
    for (int a = 0; a < FLAG_ADVICE.size(); a++) {
      StringBuilder row = new StringBuilder();
      for (Madvise second : FLAG_ADVICE) {
        row.append(growsAfter(FLAG_ADVICE.get(a), P, second) ? '+' : 'x');
      }
      assertEquals(expected.get(a), row.toString(), FLAG_ADVICE.get(a) + " then each");
    }
  }

  /**
   * Whether a map of two pages grows to three after {@code first} on its first {@code firstLength}
   * bytes and {@code second} on page 0; fails the test on any error but {@code Bad address}.
   */
  private boolean growsAfter(Madvise first, long firstLength, Madvise second) throws IOException {
    try (Mmap m = Mmap.open(file("pair.bin", new byte[2 * P]), Access.WRITE)) {
      m.madvise(first, 0, firstLength);
      m.madvise(second, 0, P);
      m.resize(3 * P);
      return true;
    } catch (IOException e) {
      assertEquals(BAD_ADDRESS, e.getMessage());
      return false;
    }
  }

  /** A refused growth to exactly the file's length leaves every byte of the file as it was. */
  @Test
  void refusedGrowthToExactlyTheFileLengthKeepsTheFile() throws IOException {
    Path file = file("five.bin", filled(5 * P, 'z'));
    Mmap m = track(Mmap.open(file, 3 * P, Access.WRITE));
    m.madvise(Madvise.SEQUENTIAL, 0, P);
    assertGrowthFails(m, 5 * P);
    assertEquals("z".repeat(5 * P), str(Files.readAllBytes(file)));
  }

  /**
   * Advice {@code a} on the whole map of two pages, then {@code b} on page 0, then a growth; as
   * above, printed by CPython 3.11 on Linux 6.x. Flags that advice on the whole map set stay under
   * advice on part of it that changes other flags.
   */
  @Test
  void everyPairOfWholeMapThenOnePageAdviceSplitsOrMergesAsOnLinux() throws IOException {
    List<String> expected =
        List.of(
            "+xxx+x+xx", // NORMAL on the whole map, then each on page 0
            "x+xx+x+xx", // SEQUENTIAL
            "xx+x+x+xx", // RANDOM
            "+xx+xx+xx", // DONTFORK
            "+xxx+x+xx", // DOFORK
            "+xxx++xxx", // DONTDUMP
            "+xxx+x+xx", // DODUMP
            "+xxx+x++x", // HUGEPAGE
            "+xxx+x+x+"); // NOHUGEPAGE
    for (int a = 0; a < FLAG_ADVICE.size(); a++) {
      StringBuilder row = new StringBuilder();
      for (Madvise second : FLAG_ADVICE) {
        row.append(growsAfter(FLAG_ADVICE.get(a), 2 * P, second) ? '+' : 'x');
      }
      assertEquals(expected.get(a), row.toString(), FLAG_ADVICE.get(a) + " then each");
    }
  }
}
