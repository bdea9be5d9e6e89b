package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Messages.SEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Mmap;
import io.github.mmap4j.Whence;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * docs/semantics.md §5.11: seek returns the new position (3.13+), the end itself is a valid
 * position, anything outside {@code 0..length} (overflow included) is {@code seek out of range} and
 * leaves the position alone.
 */
interface SeekContract extends MapFactory {
  private static void assertOutOfRange(Executable call) {
    assertFails(IndexOutOfBoundsException.class, SEEK, call);
  }

  /** CPython 3.14's test_basic: seek returns where it went, for each whence. */
  @Test
  default void seekReturnsTheNewPosition() throws IOException {
    Mmap m = m10();
    assertEquals(0, m.seek(0, Whence.SET));
    assertEquals(4, m.seek(4, Whence.CUR));
    assertEquals(7, m.seek(3, Whence.CUR));
    assertEquals(10, m.seek(0, Whence.END));
    assertEquals(8, m.seek(-2, Whence.END));
    assertEquals(8, m.tell());
  }

  @Test
  default void seekToTheEndIsAllowed() throws IOException {
    Mmap m = m10();
    assertEquals(10, m.seek(10));
    assertEquals(10, m.tell());
    assertEquals(0, m.seek(-10, Whence.END));
  }

  /** §14: seek(11), seek(-1), seek(1, 2), seek(-11, 2), seek(-5, 1) at pos 4. */
  @Test
  default void seekOutsideTheMapFails() throws IOException {
    Mmap m = m10();
    m.seek(4);
    assertOutOfRange(() -> m.seek(11));
    assertOutOfRange(() -> m.seek(-1));
    assertOutOfRange(() -> m.seek(1, Whence.END));
    assertOutOfRange(() -> m.seek(-11, Whence.END));
    assertOutOfRange(() -> m.seek(-5, Whence.CUR));
    assertOutOfRange(() -> m.seek(7, Whence.CUR));
    assertEquals(4, m.tell());
  }

  /** §14's seek(sys.maxsize, 1): the sum overflows, which is out of range, not a wrap. */
  @Test
  default void seekOverflowIsOutOfRange() throws IOException {
    Mmap m = m10();
    m.seek(5);
    assertOutOfRange(() -> m.seek(Long.MAX_VALUE, Whence.CUR));
    assertOutOfRange(() -> m.seek(Long.MIN_VALUE, Whence.CUR));
    assertOutOfRange(() -> m.seek(Long.MAX_VALUE, Whence.END));
    assertOutOfRange(() -> m.seek(Long.MIN_VALUE, Whence.END));
    assertOutOfRange(() -> m.seek(Long.MAX_VALUE));
    assertOutOfRange(() -> m.seek(Long.MIN_VALUE));
    assertEquals(5, m.tell());
  }

  @Test
  default void seekBackToTheStartFromCurrent() throws IOException {
    Mmap m = m10();
    m.seek(5);
    assertEquals(0, m.seek(-5, Whence.CUR));
  }

  @Test
  default void mapsAreSeekable() throws IOException {
    assertTrue(m10().seekable());
  }
}
