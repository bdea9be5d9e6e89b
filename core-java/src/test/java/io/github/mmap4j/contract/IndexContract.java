package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.INDEX;
import static io.github.mmap4j.testing.Messages.ITEM_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * docs/semantics.md §6.2 and §6.4: {@code m[i]} is an unsigned byte, negative indices count from
 * the end, anything else is {@code mmap index out of range}; {@code m[i] = v} checks the index
 * before the value and never moves the position.
 */
interface IndexContract extends MapFactory {
  private static void assertIndexError(Executable call) {
    assertFails(IndexOutOfBoundsException.class, INDEX, call);
  }

  @Test
  default void getReadsTheByteAtAnIndex() throws IOException {
    Mmap m = m10();
    assertEquals('0', m.get(0));
    assertEquals('9', m.get(9));
    assertEquals(0, m.tell());
  }

  @Test
  default void negativeIndexCountsFromTheEnd() throws IOException {
    Mmap m = m10();
    assertEquals('9', m.get(-1));
    assertEquals('0', m.get(-10));
  }

  /** §14: m10[10], m10[-11]; the extremes of long too. */
  @Test
  default void getOutsideTheMapIsAnIndexError() throws IOException {
    Mmap m = m10();
    assertIndexError(() -> m.get(10));
    assertIndexError(() -> m.get(-11));
    assertIndexError(() -> m.get(Long.MAX_VALUE));
    assertIndexError(() -> m.get(Long.MIN_VALUE));
  }

  @Test
  default void setWritesWithoutMovingThePosition() throws IOException {
    Mmap m = m10();
    m.seek(4);
    m.set(0, 'a');
    m.set(-1, 255);
    assertEquals("a12345678\u00ff", str(m.slice(0, 10)));
    assertEquals(4, m.tell());
  }

  @Test
  default void setOutsideTheMapIsAnIndexError() throws IOException {
    Mmap m = m10();
    assertIndexError(() -> m.set(10, 1));
    assertIndexError(() -> m.set(-11, 1));
    assertIndexError(() -> m.set(Long.MIN_VALUE, 1));
  }

  /** §14: m10[0] = 256 / -1. */
  @Test
  default void setRejectsValuesOutsideAByte() throws IOException {
    Mmap m = m10();
    assertFails(IllegalArgumentException.class, ITEM_VALUE, () -> m.set(0, 256));
    assertFails(IllegalArgumentException.class, ITEM_VALUE, () -> m.set(0, -1));
    assertFails(IllegalArgumentException.class, ITEM_VALUE, () -> m.set(0, Integer.MIN_VALUE));
    assertFails(IllegalArgumentException.class, ITEM_VALUE, () -> m.set(-1, Integer.MAX_VALUE));
    assertEquals('0', m.get(0));
  }

  /** §6.4 order, and CPython's test_basic ({@code m[len(m)] = b'\0'} is an IndexError). */
  @Test
  default void setChecksTheIndexBeforeTheValue() throws IOException {
    Mmap m = m10();
    assertIndexError(() -> m.set(100, 300));
    assertIndexError(() -> m.set(10, -1));
  }

  /** CPython's test_anonymous: a page of zeros, then every byte set and read back. */
  @Test
  default void everyByteOfAPageCanBeSetAndReadBack() throws IOException {
    Mmap m = map(new byte[Mmap.PAGESIZE], Access.DEFAULT);
    for (int x = 0; x < Mmap.PAGESIZE; x++) {
      assertEquals(0, m.get(x));
      m.set(x, x & 0xff);
      assertEquals(x & 0xff, m.get(x));
    }
  }
}
