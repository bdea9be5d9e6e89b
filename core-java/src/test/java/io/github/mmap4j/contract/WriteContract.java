package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.BYTE_TOO_BIG;
import static io.github.mmap4j.testing.Messages.BYTE_TOO_SMALL;
import static io.github.mmap4j.testing.Messages.DATA;
import static io.github.mmap4j.testing.Messages.WRITE_BYTE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §5.15–§5.16: write is all or nothing and returns its length; writeByte checks
 * the value (argument conversion), then read-only, then the position.
 */
interface WriteContract extends MapFactory {
  /** CPython's test_write_returning_the_number_of_bytes_written. */
  @Test
  default void writeReturnsTheByteCount() throws IOException {
    Mmap m = map(new byte[16], Access.DEFAULT);
    assertEquals(0, m.write(new byte[0]));
    assertEquals(1, m.write(bytes("x")));
    assertEquals(2, m.write(bytes("yz")));
    assertEquals(6, m.write(bytes("python")));
    assertEquals(9, m.tell());
  }

  /** CPython's test_io_methods, the write part. */
  @Test
  default void writeOverwritesAtThePosition() throws IOException {
    Mmap m = m10();
    m.seek(3);
    m.write(bytes("bar"));
    assertEquals(6, m.tell());
    assertEquals("012bar6789", str(m.slice(0, 10)));
    m.write(bytes("baz"));
    assertEquals(9, m.tell());
    assertEquals("012barbaz9", str(m.slice(0, 10)));
  }

  /** §14: write(b'abc') at pos 9 of 10 changes neither the bytes nor the position. */
  @Test
  default void writePastTheEndWritesNothing() throws IOException {
    Mmap m = m10();
    m.seek(9);
    assertFails(IndexOutOfBoundsException.class, DATA, () -> m.write(bytes("abc")));
    assertEquals(9, m.tell());
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  @Test
  default void writeFillingTheMapExactlyReachesTheEnd() throws IOException {
    Mmap m = m10();
    m.seek(7);
    assertEquals(3, m.write(bytes("abc")));
    assertEquals(10, m.tell());
    assertEquals(0, m.write(new byte[0]));
    assertEquals("0123456abc", str(m.slice(0, 10)));
  }

  @Test
  default void writeLongerThanTheMapFails() throws IOException {
    Mmap m = m10();
    assertFails(IndexOutOfBoundsException.class, DATA, () -> m.write(bytes("0123456789A")));
    assertEquals(0, m.tell());
  }

  /** CPython's test_io_methods: write_byte walks the map, then fails at the end. */
  @Test
  default void writeByteWalksTheMap() throws IOException {
    Mmap m = map(bytes("xxxxxxxxxx"), Access.DEFAULT);
    for (int i = 0; i < 10; i++) {
      assertEquals(i, m.tell());
      m.writeByte('0' + i);
    }
    assertFails(IndexOutOfBoundsException.class, WRITE_BYTE, () -> m.writeByte('x'));
    assertEquals("0123456789", str(m.slice(0, 10)));
    assertEquals(10, m.tell());
  }

  @Test
  default void writeByteRejectsValuesOutsideAByte() throws IOException {
    Mmap m = m10();
    assertFails(IllegalArgumentException.class, BYTE_TOO_BIG, () -> m.writeByte(256));
    assertFails(IllegalArgumentException.class, BYTE_TOO_SMALL, () -> m.writeByte(-1));
    assertFails(IllegalArgumentException.class, BYTE_TOO_BIG, () -> m.writeByte(Integer.MAX_VALUE));
    assertFails(
        IllegalArgumentException.class, BYTE_TOO_SMALL, () -> m.writeByte(Integer.MIN_VALUE));
    assertEquals(0, m.tell());
    assertEquals('0', m.get(0));
  }

  /** Argument conversion comes first: at the end, 256 is still the byte-range error. */
  @Test
  default void writeByteValueIsCheckedBeforeThePosition() throws IOException {
    Mmap m = m10();
    m.seek(10);
    assertFails(IllegalArgumentException.class, BYTE_TOO_BIG, () -> m.writeByte(256));
    assertFails(IndexOutOfBoundsException.class, WRITE_BYTE, () -> m.writeByte(255));
  }

  /** CPython's test_non_ascii_byte. */
  @Test
  default void writeByteStoresValuesAboveSevenBits() throws IOException {
    for (int value : new int[] {129, 200, 255}) {
      Mmap m = map(new byte[1], Access.DEFAULT);
      m.writeByte(value);
      assertEquals(value, m.get(0));
      m.seek(0);
      assertEquals(value, m.readByte());
    }
  }

  @Test
  default void copyMapAcceptsWrites() throws IOException {
    Mmap m = map(bytes("0123456789"), Access.COPY);
    m.write(bytes("ab"));
    m.writeByte('c');
    m.set(3, 'd');
    assertEquals("abcd456789", str(m.slice(0, 10)));
  }

  /** 0 is a byte like any other: stored, not refused as below the minimum. */
  @Test
  default void writeByteStoresZero() throws IOException {
    Mmap m = m10();
    m.writeByte(0);
    assertEquals(0, m.get(0));
    assertEquals(1, m.tell());
  }
}
