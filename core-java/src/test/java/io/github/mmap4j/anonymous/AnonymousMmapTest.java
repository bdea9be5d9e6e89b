package io.github.mmap4j.anonymous;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.filled;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.EBADF;
import static io.github.mmap4j.testing.Messages.EINVAL;
import static io.github.mmap4j.testing.Messages.EXPAND_ANONYMOUS;
import static io.github.mmap4j.testing.Messages.LENGTH_NEGATIVE;
import static io.github.mmap4j.testing.Messages.READONLY;
import static io.github.mmap4j.testing.Messages.RESIZE_READONLY;
import static io.github.mmap4j.testing.Messages.assertCPythonText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What only anonymous memory does (docs/semantics.md §3.4): zero fill, {@code size()} is EBADF,
 * length 0 is EINVAL, a shared anonymous map cannot grow (3.13+/3.14, gh-138204), and advice
 * follows the kernel's rules for shared and private anonymous pages.
 */
class AnonymousMmapTest {
  private static final int P = Mmap.PAGESIZE;

  @Test
  void anonymousMemoryStartsZeroed() {
    try (Mmap m = Mmap.anonymous(P)) {
      assertArrayEquals(new byte[P], m.read());
      assertEquals(Access.DEFAULT, m.access());
      assertEquals(0, m.offset());
    }
  }

  /**
   * §14: mmap(-1, 0) is the kernel's EINVAL, wrapped because anonymous() declares no IOException.
   */
  @Test
  void zeroLengthIsEinval() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mmap.anonymous(0));
    assertInstanceOf(IOException.class, e.getCause());
    assertCPythonText(EINVAL, e.getCause().getMessage());
  }

  /** §14: mmap(-1, -1) is OverflowError "memory mapped length must be positive". */
  @Test
  void negativeLengthIsRejected() {
    assertFails(IllegalArgumentException.class, LENGTH_NEGATIVE, () -> Mmap.anonymous(-1));
    assertFails(
        IllegalArgumentException.class, LENGTH_NEGATIVE, () -> Mmap.anonymous(-1, Access.READ));
  }

  /** §5.13 (3.11–3.14): there is no file, so size() is EBADF. */
  @Test
  void sizeIsBadFileDescriptor() {
    try (Mmap m = Mmap.anonymous(10)) {
      assertFails(IOException.class, EBADF, m::size);
    }
  }

  @Test
  void readOnlyAnonymousMapIsZeroAndUnwritable() {
    try (Mmap m = Mmap.anonymous(10, Access.READ)) {
      assertArrayEquals(new byte[10], m.read());
      assertFails(UnsupportedOperationException.class, READONLY, () -> m.set(0, 1));
    }
  }

  /** CPython 3.14's test_resize_up_anonymous_mapping: on Linux growing is a ValueError. */
  @Test
  void sharedAnonymousMapCannotGrow() {
    byte[] data = new byte[P];
    new Random(1).nextBytes(data);
    try (Mmap m = Mmap.anonymous(P)) {
      m.setSlice(0, P, data);
      assertFails(IllegalArgumentException.class, EXPAND_ANONYMOUS, () -> m.resize(2 * P));
      assertEquals(P, m.length());
      assertArrayEquals(data, m.slice(0, P));
    }
  }

  /** CPython 3.14's test_resize_down_anonymous_mapping: shrink keeps data, regrowing fails. */
  @Test
  void sharedAnonymousMapShrinksButCannotRegrow() throws IOException {
    byte[] data = new byte[2 * P];
    new Random(2).nextBytes(data);
    try (Mmap m = Mmap.anonymous(2 * P, Access.WRITE)) {
      m.setSlice(0, 2 * P, data);
      m.resize(P);
      assertArrayEquals(Arrays.copyOf(data, P), m.slice(0, 2 * P));
      assertFails(IllegalArgumentException.class, EXPAND_ANONYMOUS, () -> m.resize(2 * P));
    }
  }

  /**
   * A COPY anonymous map is private (test_resize_up_private_anonymous_mapping's map), yet
   * ACCESS_COPY forbids resizing before any growth rule applies.
   */
  @Test
  void copyAnonymousMapIsWritableButNotResizable() {
    try (Mmap m = Mmap.anonymous(10, Access.COPY)) {
      m.set(0, 'c');
      assertEquals("c", str(m.slice(0, 1)));
      assertFails(UnsupportedOperationException.class, RESIZE_READONLY, () -> m.resize(20));
    }
  }

  /**
   * §5.5: a COPY anonymous map is CPython's MAP_PRIVATE anonymous memory: MADV_DONTNEED zero-fills
   * every page it touches, MADV_FREE is accepted, MADV_REMOVE is EINVAL (CPython 3.11).
   */
  @Test
  void dontneedZeroFillsACopyAnonymousMap() throws IOException {
    try (Mmap m = Mmap.anonymous(2 * P, Access.COPY)) {
      m.setSlice(0, 3, new byte[] {'a', 'b', 'c'});
      m.setSlice(P, P + 3, new byte[] {'d', 'e', 'f'});
      m.madvise(Madvise.DONTNEED, 0, P + 1);
      assertArrayEquals(new byte[3], m.slice(0, 3));
      assertArrayEquals(new byte[3], m.slice(P, P + 3));
    }
  }

  @Test
  void freeIsAcceptedButRemoveRefusedOnACopyAnonymousMap() throws IOException {
    try (Mmap m = Mmap.anonymous(2 * P, Access.COPY)) {
      m.madvise(Madvise.FREE);
      assertFails(IOException.class, EINVAL, () -> m.madvise(Madvise.REMOVE));
    }
  }

  /** Fills a map with {@code '1'}s, so that zeroed pages stand out. */
  private static Mmap ones(long length, Access access) {
    Mmap m = Mmap.anonymous(length, access);
    m.write(filled(Math.toIntExact(length), '1'));
    return m;
  }

  /** The kernel drops whole pages: one byte of advice at page 1 zeroes page 1 and nothing else. */
  @Test
  void dontneedOfOneByteAtAPageZeroesThatPageOfACopyMap() throws IOException {
    try (Mmap m = ones(3 * P, Access.COPY)) {
      m.madvise(Madvise.DONTNEED, P, 1);
      assertArrayEquals(filled(P, '1'), m.slice(0, P));
      assertArrayEquals(new byte[P], m.slice(P, 2 * P));
      assertArrayEquals(filled(P, '1'), m.slice(2 * P, 3 * P));
    }
  }

  /** A count that ends inside a page zeroes to that page's end, or to the map's end before it. */
  @Test
  void dontneedOfAnUnalignedCountZeroesToTheEndOfTheLastPage() throws IOException {
    try (Mmap m = ones(2 * P + 10, Access.COPY)) {
      m.madvise(Madvise.DONTNEED, P, P + 5);
      assertArrayEquals(filled(P, '1'), m.slice(0, P));
      assertArrayEquals(new byte[P + 10], m.slice(P, 2 * P + 10));
    }
  }

  @Test
  void removeOfOneByteAtAPageZeroesThatPageOfASharedMap() throws IOException {
    try (Mmap m = ones(3 * P, Access.DEFAULT)) {
      m.madvise(Madvise.REMOVE, P, 1);
      assertArrayEquals(filled(P, '1'), m.slice(0, P));
      assertArrayEquals(new byte[P], m.slice(P, 2 * P));
      assertArrayEquals(filled(P, '1'), m.slice(2 * P, 3 * P));
    }
  }

  /** Shared anonymous pages live in shmem: DONTNEED drops the mapping, not the content. */
  @Test
  void dontneedKeepsASharedMapWhole() throws IOException {
    try (Mmap m = ones(3 * P, Access.DEFAULT)) {
      m.madvise(Madvise.DONTNEED, P, 1);
      assertArrayEquals(filled(3 * P, '1'), m.slice(0, 3 * P));
    }
  }

  /**
   * FREE needs private memory and REMOVE shared memory, but only a non-empty range reaches the
   * kernel's check: with length 0 both succeed everywhere, as on Linux.
   */
  @Test
  void emptyFreeAndRemoveSucceedOnEitherKindOfAnonymousMap() throws IOException {
    try (Mmap shared = ones(2 * P, Access.DEFAULT);
        Mmap copy = ones(2 * P, Access.COPY)) {
      shared.madvise(Madvise.FREE, P, 0);
      copy.madvise(Madvise.REMOVE, P, 0);
      assertFails(IOException.class, EINVAL, () -> shared.madvise(Madvise.FREE, P, 1));
      assertFails(IOException.class, EINVAL, () -> copy.madvise(Madvise.REMOVE, P, 1));
      assertArrayEquals(filled(2 * P, '1'), shared.slice(0, 2 * P));
      assertArrayEquals(filled(2 * P, '1'), copy.slice(0, 2 * P));
    }
  }

  /**
   * A GiB of anonymous memory nobody touches costs only address space, and {@code close()} gives
   * that back at once (the process's {@code VmSize} in {@code /proc/self/status}).
   */
  @Test
  void closeGivesTheAddressSpaceBack() throws IOException {
    long gib = 1L << 30;
    long before = addressSpace();
    Mmap m = Mmap.anonymous(gib, Access.READ);
    long open = addressSpace();
    m.close();
    long after = addressSpace();
    assertTrue(open - before >= gib * 9 / 10, before + " -> " + open);
    assertTrue(open - after >= gib * 9 / 10, open + " -> " + after);
  }

  /** VmSize in bytes. */
  private static long addressSpace() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmSize:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new AssertionError("no VmSize in /proc/self/status");
  }
}
