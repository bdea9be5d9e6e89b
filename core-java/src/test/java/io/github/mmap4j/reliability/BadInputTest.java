package io.github.mmap4j.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.testing.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never corrupts: every error case of the semantics that has a Java form, applied to a
 * map of a real file with known random content, throws the documented exception and leaves
 * everything as it was — the position, the map's length and bytes, the file's length and bytes
 * (read through a channel of its own while the map is open, and again after close) — and the map
 * still reads and writes afterwards.
 *
 * <p>Sharpness: a {@code write} that copied before checking the bounds, a {@code resize(0)} that
 * truncated the file before failing (as CPython's does) or a constructor that let {@code
 * FileChannel.map} extend the file each change a byte or a length that these checks compare.
 */
class BadInputTest {
  /** Constructor, indexing and slicing, file-like calls, flush/madvise/resize and access rules. */
  static final int CASES = 19 + 25 + 26 + 33;

  private static final int FILE_LENGTH = 3 * BadInputFixture.P + 100;

  @RegisterExtension static final Figures FIGURES = new Figures("bad input");

  @TempDir Path dir;

  static List<BadInput> cases() {
    List<BadInput> all = new ArrayList<>();
    all.addAll(ConstructionBadInputs.all());
    all.addAll(SequenceBadInputs.all());
    all.addAll(FileLikeBadInputs.all());
    all.addAll(StateBadInputs.all());
    return all;
  }

  @Test
  void theCatalogHoldsEveryCase() {
    System.out.println("bad input: " + cases().size() + " error cases");
    assertEquals(CASES, cases().size());
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputLeavesFileAndMapIntact() {
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c, FILE_LENGTH, 1)));
  }

  /** The same cases on files of other lengths and contents; a long run goes on for its share. */
  @Test
  void everyBadInputLeavesFilesOfOtherLengthsIntact() throws Exception {
    SplittableRandom random = new SplittableRandom(0xBAD_1);
    Soak.Rounds rounds = Soak.rounds(Soak.BAD_INPUT, 2);
    while (rounds.another()) {
      int length = BadInputFixture.P + 24 + random.nextInt(5 * BadInputFixture.P);
      long seed = random.nextLong();
      for (BadInput c : cases()) {
        check(c, length, seed);
      }
    }
  }

  private void check(BadInput c, int fileLength, long seed) throws Exception {
    BadInputFixture f = new BadInputFixture(dir, c.kind(), fileLength, seed);
    try (f) {
      long position = c.position().applyAsLong(f);
      f.map.seek(position);
      long length = f.n();
      Throwable thrown = assertThrows(Throwable.class, () -> c.action().apply(f), c::toString);
      assertEquals(c.type(), thrown.getClass(), () -> c + " threw " + describe(thrown));
      if (c.message() == null) {
        assertNull(thrown.getMessage(), c::toString);
      } else {
        String message = String.valueOf(thrown.getMessage());
        assertTrue(Messages.hasCPythonText(c.message(), message), () -> c + ": " + message);
      }
      assertEquals(position, f.map.tell(), () -> c + " moved the position");
      assertEquals(length, f.map.length(), () -> c + " changed the map's length");
      assertArrayEquals(f.expectedMapBytes(), f.map.slice(0, length), () -> c + " changed the map");
      assertArrayEquals(f.original, f.fileBytesNow(), () -> c + " changed the file");
      assertEquals(0, Files.size(f.empty), () -> c + " wrote to the empty file");
      assertStillWorks(f, c);
    }
    assertArrayEquals(f.original, Files.readAllBytes(f.file), () -> c + ": the file after close");
    FIGURES.operations(1);
    FIGURES.faults(1);
  }

  /** Reads back 16 bytes; on a writable map also writes them inverted and restores them. */
  private static void assertStillWorks(BadInputFixture f, BadInput c) throws Exception {
    int at = 8;
    int fileAt = (int) f.offset + at;
    byte[] before = Arrays.copyOfRange(f.original, fileAt, fileAt + 16);
    assertArrayEquals(before, f.map.slice(at, at + 16), () -> c + ": the map no longer reads");
    if (f.kind == BadInputFixture.Kind.READ) {
      return;
    }
    byte[] inverted = before.clone();
    for (int i = 0; i < inverted.length; i++) {
      inverted[i] = (byte) ~inverted[i];
    }
    f.map.setSlice(at, at + 16, inverted);
    assertArrayEquals(inverted, f.map.slice(at, at + 16), () -> c + ": the map no longer writes");
    byte[] expectedFile = f.original.clone();
    if (f.kind != BadInputFixture.Kind.COPY) { // a COPY map never writes the file
      System.arraycopy(inverted, 0, expectedFile, fileAt, 16);
    }
    assertArrayEquals(expectedFile, f.fileBytesNow(), () -> c + ": the write did not go through");
    f.map.seek(at);
    assertEquals(16, f.map.write(before));
    assertArrayEquals(f.original, f.fileBytesNow(), () -> c + ": restoring the bytes failed");
  }

  private static String describe(Throwable thrown) {
    return thrown + (thrown.getCause() == null ? "" : " (cause " + thrown.getCause() + ")");
  }
}
