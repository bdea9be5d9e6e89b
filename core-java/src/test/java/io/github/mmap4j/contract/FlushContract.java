package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Messages.EINVAL;
import static io.github.mmap4j.testing.Messages.FLUSH;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §5.4 (3.11–3.14): the range {@code 0 <= offset}, {@code 0 <= size <= length -
 * offset} is checked first; READ and COPY maps then return; the others need a page-aligned offset
 * (msync's EINVAL), anonymous maps included.
 */
interface FlushContract extends MapFactory {
  int P = Mmap.PAGESIZE;

  private Mmap threePages(Access access) throws IOException {
    return map(new byte[3 * P], access);
  }

  /** §14: flush(), flush(0), flush(P, P), flush(0, 3P), flush(3P, 0), flush(0, 0). */
  @Test
  default void flushOfRangesInsideTheMap() throws IOException {
    Mmap m = threePages(Access.DEFAULT);
    m.flush();
    m.flush(P, P);
    m.flush(0, 3 * P);
    m.flush(3 * P, 0);
    m.flush(0, 0);
    m.flush(0, 1);
  }

  /**
   * §14 (3.11–3.14): size defaults to the length, so Python's flush(P) is Java's flush(P, 3P),
   * which overshoots (gh-138092); and the other out-of-range rows.
   */
  @Test
  default void flushOfRangesBeyondTheMapFails() throws IOException {
    Mmap m = threePages(Access.DEFAULT);
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(P, 3 * P));
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(P, 2 * P + 1));
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(0, 3 * P + 1));
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(3 * P + 1, 0));
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(Long.MAX_VALUE, 0));
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(1, Long.MAX_VALUE));
  }

  @Test
  default void flushOfNegativeValuesFails() throws IOException {
    Mmap m = threePages(Access.DEFAULT);
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(0, -1));
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(-1, 1));
    assertFails(
        IllegalArgumentException.class, FLUSH, () -> m.flush(Long.MIN_VALUE, Long.MIN_VALUE));
  }

  /** §14: flush(1, 6) / flush(1, 0); the range is checked before alignment. */
  @Test
  default void flushOfAnUnalignedOffsetIsEinval() throws IOException {
    Mmap m = threePages(Access.WRITE);
    assertFails(IOException.class, EINVAL, () -> m.flush(1, 6));
    assertFails(IOException.class, EINVAL, () -> m.flush(1, 0));
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(1, 3 * P));
  }

  /** flush(n, 0) is empty but its offset, 10, is not page aligned: still msync's EINVAL. */
  @Test
  default void flushAtTheEndOfAShortMapIsEinval() throws IOException {
    Mmap m = m10();
    assertFails(IOException.class, EINVAL, () -> m.flush(10, 0));
    m.flush(0, 10);
  }

  /** CPython's test_flush_return_value: flush works, flush(1, 6) is the OS error. */
  @Test
  default void flushAfterAWrite() throws IOException {
    Mmap m = map(new byte[16], Access.DEFAULT);
    m.write(bytes("python"));
    m.flush();
    assertFails(IOException.class, EINVAL, () -> m.flush(1, 6));
  }

  /** §14: on READ and COPY maps flush(1, 6) does nothing; flush(0, 3P+1) still fails. */
  @Test
  default void flushOfCopyMapChecksOnlyTheRange() throws IOException {
    Mmap m = threePages(Access.COPY);
    m.set(0, 1);
    m.flush(1, 6);
    m.flush();
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(0, 3 * P + 1));
  }
}
