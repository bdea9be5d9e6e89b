package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.READ_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** docs/semantics.md §5.7–§5.9: read, readByte, readLine and the position they advance. */
interface ReadContract extends MapFactory {
  private Mmap sixteen() throws IOException {
    return map(range(0, 16), Access.DEFAULT);
  }

  private static byte[] range(int from, int to) {
    byte[] bytes = new byte[to - from];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (from + i);
    }
    return bytes;
  }

  /** CPython's test_read_all: no argument, None and negative counts read the rest. */
  @Test
  default void readWithoutACountReadsTheRest() throws IOException {
    Mmap m = sixteen();
    assertArrayEquals(range(0, 16), m.read());
    m.seek(8);
    assertArrayEquals(range(8, 16), m.read());
    m.seek(16);
    assertArrayEquals(new byte[0], m.read());
    assertEquals(16, m.tell());
  }

  @Test
  default void readWithANegativeCountReadsTheRest() throws IOException {
    Mmap m = sixteen();
    m.seek(4);
    assertArrayEquals(range(4, 16), m.read(-1));
    m.seek(5);
    assertArrayEquals(range(5, 16), m.read(-2));
    m.seek(9);
    assertArrayEquals(range(9, 16), m.read(-42));
    m.seek(3);
    assertArrayEquals(range(3, 16), m.read(Long.MIN_VALUE));
  }

  @Test
  default void readPastTheEndIsShort() throws IOException {
    Mmap m = sixteen();
    m.seek(14);
    assertArrayEquals(range(14, 16), m.read(100));
    assertEquals(16, m.tell());
    m.seek(3);
    assertArrayEquals(range(3, 16), m.read(Long.MAX_VALUE));
  }

  @Test
  default void readZeroReadsNothing() throws IOException {
    Mmap m = m10();
    m.seek(3);
    assertArrayEquals(new byte[0], m.read(0));
    assertEquals(3, m.tell());
  }

  /** CPython's test_io_methods, the read part. */
  @Test
  default void readAdvancesThePosition() throws IOException {
    Mmap m = m10();
    m.seek(3);
    assertEquals("345", str(m.read(3)));
    assertEquals(6, m.tell());
  }

  /** CPython's test_io_methods: read_byte walks the map, then fails at the end. */
  @Test
  default void readByteWalksTheMap() throws IOException {
    Mmap m = m10();
    for (int i = 0; i < 10; i++) {
      assertEquals(i, m.tell());
      assertEquals('0' + i, m.readByte());
    }
    assertEquals(10, m.tell());
  }

  @Test
  default void readByteAtTheEndIsOutOfRange() throws IOException {
    Mmap m = m10();
    m.seek(10);
    assertFails(IndexOutOfBoundsException.class, READ_BYTE, m::readByte);
    assertEquals(10, m.tell());
  }

  /** CPython's test_non_ascii_byte: bytes come back unsigned, never sign-extended. */
  @Test
  default void bytesAboveSevenBitsReadUnsigned() throws IOException {
    Mmap m = map(new byte[] {(byte) 129, (byte) 200, (byte) 255}, Access.DEFAULT);
    assertEquals(129, m.readByte());
    assertEquals(200, m.readByte());
    assertEquals(255, m.readByte());
    assertEquals(255, m.get(-1));
    assertEquals(200, m.get(1));
  }

  /** §14: repeated readline on {@code b"ab\ncd\n\nef"}. */
  @Test
  default void readLineSplitsAtNewlines() throws IOException {
    Mmap m = map("ab\ncd\n\nef");
    assertEquals("ab\n", str(m.readLine()));
    assertEquals("cd\n", str(m.readLine()));
    assertEquals("\n", str(m.readLine()));
    assertEquals("ef", str(m.readLine()));
    assertEquals("", str(m.readLine()));
    assertEquals(9, m.tell());
  }

  @Test
  default void onlyLineFeedEndsALine() throws IOException {
    Mmap m = map("a\r\nb\rc");
    assertEquals("a\r\n", str(m.readLine()));
    assertEquals("b\rc", str(m.readLine()));
  }

  @Test
  default void readLineStartsAtThePosition() throws IOException {
    Mmap m = map("ab\ncd\n");
    m.seek(1);
    assertEquals("b\n", str(m.readLine()));
    assertEquals(3, m.tell());
  }

  @Test
  default void lineIteratorYieldsTheRemainingLines() throws IOException {
    Mmap m = map("ab\ncd\n\nef");
    m.seek(3);
    Iterator<byte[]> lines = m.lineIterator();
    assertEquals("cd\n", str(lines.next()));
    assertEquals("\n", str(lines.next()));
    assertTrue(lines.hasNext());
    assertArrayEquals(bytes("ef"), lines.next());
    assertFalse(lines.hasNext());
    assertEquals(9, m.tell());
  }

  /** A line may be just the newline at byte 0 (docs/semantics.md §5.9). */
  @Test
  default void readLineOfANewlineAtByteZero() throws IOException {
    Mmap m = map("\nab\n");
    assertEquals("\n", str(m.readLine()));
    assertEquals(1, m.tell());
    assertEquals("ab\n", str(m.readLine()));
  }

  @Test
  default void lastLineWithoutANewlineKeepsItsLastByte() throws IOException {
    Mmap m = map("ab\ncd");
    m.seek(3);
    assertEquals("cd", str(m.readLine()));
    assertEquals(5, m.tell());
  }

  @Test
  default void lineIteratorPastTheEndThrowsNoSuchElement() throws IOException {
    Mmap m = map("ab\n");
    Iterator<byte[]> lines = m.lineIterator();
    assertEquals("ab\n", str(lines.next()));
    assertThrows(NoSuchElementException.class, lines::next);
    assertEquals(3, m.tell());
  }
}
