package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.DATA;
import static io.github.mmap4j.testing.Messages.EINVAL;
import static io.github.mmap4j.testing.Messages.INDEX;
import static io.github.mmap4j.testing.Messages.NEW_SIZE;
import static io.github.mmap4j.testing.Messages.READ_BYTE;
import static io.github.mmap4j.testing.Messages.SEEK;
import static io.github.mmap4j.testing.Messages.WRITE_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.Whence;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §5.10, the part every writable map shares: shrinking keeps the prefix and never
 * clamps the position; negative sizes and 0 fail. Growing differs (files grow, shared anonymous
 * maps refuse) and lives in the kind-specific classes.
 */
interface ResizeContract extends MapFactory {
  int P = Mmap.PAGESIZE;

  private Mmap twoPagesReadTo(long pos) throws IOException {
    byte[] content = new byte[2 * P];
    Arrays.fill(content, (byte) 'r');
    Mmap m = map(content, Access.DEFAULT);
    m.read(pos);
    return m;
  }

  /** CPython's test_resize_down_anonymous_mapping, first half, on every kind of map. */
  @Test
  default void shrinkingKeepsThePrefix() throws IOException {
    Mmap m = m10();
    m.resize(4);
    assertEquals(4, m.length());
    assertEquals("0123", str(m.slice(0, 10)));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.get(4));
  }

  /** CPython's test_resize_past_pos: reads after the end give nothing, writes fail. */
  @Test
  default void shrinkingBelowThePositionKeepsIt() throws IOException {
    Mmap m = twoPagesReadTo(5000);
    m.resize(P);
    assertEquals(5000, m.tell());
    assertArrayEquals(new byte[0], m.read(14));
    assertArrayEquals(new byte[0], m.read());
    assertArrayEquals(new byte[0], m.readLine());
    assertEquals(5000, m.tell());
  }

  @Test
  default void positionBeyondTheEndFailsEveryAccess() throws IOException {
    Mmap m = twoPagesReadTo(5000);
    m.resize(P);
    assertFails(IndexOutOfBoundsException.class, READ_BYTE, m::readByte);
    assertFails(IndexOutOfBoundsException.class, WRITE_BYTE, () -> m.writeByte(42));
    assertFails(IndexOutOfBoundsException.class, DATA, () -> m.write(bytes("abc")));
    assertFails(IndexOutOfBoundsException.class, DATA, () -> m.write(new byte[0]));
    assertEquals(5000, m.tell());
  }

  /** §5.11 and §14: seek(0, CUR) from beyond the end fails, seek(-1000, CUR) lands inside. */
  @Test
  default void seekFromBeyondTheEnd() throws IOException {
    Mmap m = twoPagesReadTo(5000);
    m.resize(P);
    assertFails(IndexOutOfBoundsException.class, SEEK, () -> m.seek(0, Whence.CUR));
    assertEquals(4000, m.seek(-1000, Whence.CUR));
  }

  /** §14: the default start (the position) clamps to the length. */
  @Test
  default void searchFromBeyondTheEnd() throws IOException {
    Mmap m = twoPagesReadTo(5000);
    m.resize(P);
    assertEquals(P, m.find(new byte[0]));
    assertEquals(P, m.rfind(new byte[0]));
    assertEquals(-1, m.find(bytes("r")));
    assertEquals(0, m.find(bytes("r"), 0));
  }

  @Test
  default void toStringShowsAPositionBeyondTheLength() throws IOException {
    Mmap m = twoPagesReadTo(5000);
    m.resize(P);
    assertEquals(
        "Mmap[closed=false, access=DEFAULT, length=4096, pos=5000, offset=" + mapOffset() + "]",
        m.toString());
  }

  @Test
  default void negativeSizeIsOutOfRange() throws IOException {
    Mmap m = m10();
    assertFails(IllegalArgumentException.class, NEW_SIZE, () -> m.resize(-1));
    assertFails(IllegalArgumentException.class, NEW_SIZE, () -> m.resize(Long.MIN_VALUE));
    assertEquals(10, m.length());
  }

  /** docs/semantics.md §15.4: resize(0) is EINVAL like CPython's, and the map stays as it was. */
  @Test
  default void resizeToZeroFailsAndKeepsTheMap() throws IOException {
    Mmap m = m10();
    assertFails(IOException.class, EINVAL, () -> m.resize(0));
    assertEquals(10, m.length());
    assertEquals("0123456789", str(m.slice(0, 10)));
    m.set(9, 'x');
    assertEquals('x', m.get(-1));
  }

  @Test
  default void resizeToTheSameSizeChangesNothing() throws IOException {
    Mmap m = m10();
    m.resize(10);
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  @Test
  default void writeMapsShrinkToo() throws IOException {
    Mmap m = map(bytes("0123456789"), Access.WRITE);
    m.resize(1);
    assertEquals("0", str(m.read()));
    assertEquals(Access.WRITE, m.access());
  }
}
