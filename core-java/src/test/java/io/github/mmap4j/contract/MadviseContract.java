package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.EINVAL;
import static io.github.mmap4j.testing.Messages.MADVISE_LENGTH;
import static io.github.mmap4j.testing.Messages.MADVISE_START;
import static io.github.mmap4j.testing.Messages.MADVISE_TOO_LARGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §5.5 and CPython's test_madvise: start must lie inside the map, length must not
 * be negative nor overflow {@code start + length}, a length past the end is clamped, and the kernel
 * rejects an unaligned start with EINVAL.
 */
interface MadviseContract extends MapFactory {
  int P = Mmap.PAGESIZE;

  private Mmap twoPages() throws IOException {
    return map(new byte[2 * P], Access.DEFAULT);
  }

  @Test
  default void madviseStartOutsideTheMapFails() throws IOException {
    Mmap m = twoPages();
    assertFails(
        IllegalArgumentException.class, MADVISE_START, () -> m.madvise(Madvise.NORMAL, 2 * P));
    assertFails(IllegalArgumentException.class, MADVISE_START, () -> m.madvise(Madvise.NORMAL, -1));
    assertFails(
        IllegalArgumentException.class, MADVISE_START, () -> m.madvise(Madvise.NORMAL, -1, -1));
  }

  @Test
  default void madviseNegativeLengthFails() throws IOException {
    Mmap m = twoPages();
    assertFails(
        IllegalArgumentException.class, MADVISE_LENGTH, () -> m.madvise(Madvise.NORMAL, 0, -1));
  }

  /** OverflowError in CPython: start + length does not fit a ssize_t. */
  @Test
  default void madviseLengthOverflowingTheStartFails() throws IOException {
    Mmap m = twoPages();
    assertFails(
        IllegalArgumentException.class,
        MADVISE_TOO_LARGE,
        () -> m.madvise(Madvise.NORMAL, P, Long.MAX_VALUE));
    assertFails(
        IllegalArgumentException.class,
        MADVISE_TOO_LARGE,
        () -> m.madvise(Madvise.NORMAL, 1, Long.MAX_VALUE));
  }

  /** CPython's test_madvise, the calls that return None (lengths past the end are clamped). */
  @Test
  default void madviseInsideTheMapSucceeds() throws IOException {
    Mmap m = twoPages();
    m.madvise(Madvise.NORMAL);
    m.madvise(Madvise.NORMAL, P);
    m.madvise(Madvise.NORMAL, P, 2 * P);
    m.madvise(Madvise.NORMAL, 0, 2);
    m.madvise(Madvise.NORMAL, 0, 2 * P);
    m.madvise(Madvise.NORMAL, 0, Long.MAX_VALUE);
    m.madvise(Madvise.NORMAL, 0, 0);
  }

  /** §14: madvise(MADV_NORMAL, 1) is the kernel's EINVAL; so is any unaligned start. */
  @Test
  default void madviseUnalignedStartIsEinval() throws IOException {
    Mmap m = twoPages();
    assertFails(IOException.class, EINVAL, () -> m.madvise(Madvise.NORMAL, 1));
    assertFails(IOException.class, EINVAL, () -> m.madvise(Madvise.NORMAL, 1, 0));
    assertFails(IOException.class, EINVAL, () -> m.madvise(Madvise.WILLNEED, P + 1, 1));
  }

  @Test
  default void madviseWorksOnReadOnlyAndCopyMaps() throws IOException {
    readOnly(2 * P).madvise(Madvise.SEQUENTIAL);
    Mmap copy = map(new byte[2 * P], Access.COPY);
    copy.madvise(Madvise.RANDOM, P);
    assertEquals(0, copy.get(P));
  }

  /** Advice that keeps data leaves a shared map's bytes as they were. */
  @Test
  default void harmlessAdviceKeepsTheBytes() throws IOException {
    Mmap m = m10();
    for (Madvise advice :
        new Madvise[] {Madvise.NORMAL, Madvise.RANDOM, Madvise.SEQUENTIAL, Madvise.WILLNEED}) {
      m.madvise(advice);
    }
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  /** §5.5: on shared maps MADV_DONTNEED keeps the content (the page cache or shmem holds it). */
  @Test
  default void dontneedKeepsTheBytesOfASharedMap() throws IOException {
    Mmap m = map(new byte[2 * P], Access.DEFAULT);
    m.setSlice(0, 3, bytes("abc"));
    m.madvise(Madvise.DONTNEED);
    assertEquals("abc\0", str(m.slice(0, 4)));
  }

  /** MADV_FREE applies to private anonymous memory only; shared maps get the kernel's EINVAL. */
  @Test
  default void freeOnASharedMapIsEinval() throws IOException {
    Mmap m = twoPages();
    assertFails(IOException.class, EINVAL, () -> m.madvise(Madvise.FREE));
  }

  /** MADV_REMOVE frees the backing store of every page it touches: they read as zeros. */
  @Test
  default void removeZeroesEveryTouchedPageOfASharedMap() throws IOException {
    Mmap m = twoPages();
    m.setSlice(0, 3, bytes("abc"));
    m.setSlice(P, P + 3, bytes("def"));
    m.madvise(Madvise.REMOVE, 0, P + 1);
    assertEquals("\0\0\0", str(m.slice(0, 3)));
    assertEquals("\0\0\0", str(m.slice(P, P + 3)));
  }
}
