package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.CLOSED;
import static io.github.mmap4j.testing.Messages.DATA;
import static io.github.mmap4j.testing.Messages.INDEX;
import static io.github.mmap4j.testing.Messages.READONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

/** The allocation-free calls: {@code read(byte[], …)}, {@code get(long, byte[], …)}, buffers. */
interface BulkContract extends MapFactory {
  @Test
  default void readIntoAnArrayAdvancesAndIsShortAtTheEnd() throws IOException {
    Mmap m = m10();
    byte[] buf = bytes("xxxxxxxx");
    assertEquals(6, m.read(buf, 1, 6));
    assertEquals("x012345x", str(buf));
    assertEquals(6, m.tell());
    assertEquals(4, m.read(buf, 0, 8));
    assertEquals("6789345x", str(buf));
    assertEquals(-1, m.read(buf, 0, 8));
    assertEquals(0, m.read(buf, 0, 0));
    assertEquals(10, m.tell());
  }

  @Test
  default void readIntoAnArrayChecksTheArrayRange() throws IOException {
    Mmap m = m10();
    assertThrows(IndexOutOfBoundsException.class, () -> m.read(new byte[4], 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> m.read(new byte[4], -1, 1));
    assertEquals(0, m.tell());
  }

  @Test
  default void readIntoAnArrayAfterAShrinkPastThePositionIsTheEnd() throws IOException {
    Mmap m = map(bytes("0123456789"), Access.WRITE);
    m.seek(8);
    m.resize(4); // every kind of WRITE map can shrink; the position stays past the end
    assertEquals(-1, m.read(new byte[2], 0, 2));
    assertEquals(8, m.tell());
  }

  @Test
  default void getIntoAnArrayLeavesThePosition() throws IOException {
    Mmap m = m10();
    m.seek(3);
    byte[] buf = new byte[5];
    m.get(6, buf, 1, 4);
    assertEquals("\0" + "6789", str(buf));
    assertEquals(3, m.tell());
  }

  @Test
  default void getIntoAnArrayIsAllOrNothing() throws IOException {
    Mmap m = m10();
    byte[] buf = bytes("abcd");
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.get(8, buf, 0, 3));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.get(-1, buf, 0, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, buf, 3, 2));
    assertEquals("abcd", str(buf));
    m.get(10, buf, 0, 0); // an empty range at the end exists
  }

  @Test
  default void setFromAnArrayLeavesThePositionAndIsAllOrNothing() throws IOException {
    Mmap m = m10();
    m.seek(2);
    m.set(6, bytes("xabcdx"), 1, 4);
    assertEquals("012345abcd", str(m.slice(0, 10)));
    assertEquals(2, m.tell());
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.set(8, bytes("xyz"), 0, 3));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.set(-1, bytes("x"), 0, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> m.set(0, bytes("xy"), 1, 2));
    assertEquals("012345abcd", str(m.slice(0, 10)));
    m.set(10, new byte[0], 0, 0); // an empty range at the end exists
  }

  @Test
  default void setFromAnArrayOnAReadOnlyMapFailsBeforeTheBounds() throws IOException {
    Mmap m = readOnly(4);
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.set(100, new byte[1], 0, 1));
  }

  @Test
  default void readIntoABufferAdvancesBothPositions() throws IOException {
    Mmap m = m10();
    m.seek(7);
    ByteBuffer heap = ByteBuffer.allocate(5);
    heap.put((byte) 'x');
    assertEquals(3, m.read(heap));
    assertEquals(4, heap.position());
    assertEquals("x789", str(java.util.Arrays.copyOf(heap.array(), 4)));
    assertEquals(-1, m.read(ByteBuffer.allocateDirect(2)));
    assertEquals(0, m.read(ByteBuffer.allocate(0)));
  }

  @Test
  default void readIntoADirectBufferWorks() throws IOException {
    Mmap m = m10();
    ByteBuffer direct = ByteBuffer.allocateDirect(4);
    assertEquals(4, m.read(direct));
    direct.flip();
    byte[] out = new byte[4];
    direct.get(out);
    assertEquals("0123", str(out));
  }

  @Test
  default void readIntoAReadOnlyBufferFails() throws IOException {
    Mmap m = m10();
    assertThrows(
        ReadOnlyBufferException.class, () -> m.read(ByteBuffer.allocate(4).asReadOnlyBuffer()));
    assertEquals(0, m.tell());
  }

  @Test
  default void writeFromABufferIsAllOrNothing() throws IOException {
    Mmap m = m10();
    m.seek(6);
    ByteBuffer src = ByteBuffer.wrap(bytes("abcde"));
    assertFails(IndexOutOfBoundsException.class, DATA, () -> m.write(src));
    assertEquals(0, src.position());
    src.position(1);
    assertEquals(4, m.write(src));
    assertEquals(5, src.position());
    assertEquals(10, m.tell());
    assertEquals("012345bcde", str(m.slice(0, 10)));
  }

  @Test
  default void writeFromADirectBufferWorks() throws IOException {
    Mmap m = m10();
    ByteBuffer src = ByteBuffer.allocateDirect(3).put(bytes("xyz")).flip();
    assertEquals(3, m.write(src));
    assertEquals("xyz3456789", str(m.slice(0, 10)));
  }

  @Test
  default void writeFromABufferOnAReadOnlyMapFails() throws IOException {
    Mmap m = readOnly(4);
    assertFails(
        UnsupportedOperationException.class, READONLY, () -> m.write(ByteBuffer.allocate(1)));
  }

  @Test
  default void bulkCallsOnAClosedMapReportClosed() throws IOException {
    Mmap m = closed();
    byte[] buf = new byte[2];
    assertFails(IllegalStateException.class, CLOSED, () -> m.read(buf, 0, 2));
    assertFails(IllegalStateException.class, CLOSED, () -> m.get(0, buf, 0, 2));
    assertFails(IllegalStateException.class, CLOSED, () -> m.read(ByteBuffer.allocate(2)));
    assertFails(IllegalStateException.class, CLOSED, () -> m.write(ByteBuffer.allocate(2)));
  }

  /** Zero bytes asked is 0, even with the position past the end (after a shrink). */
  @Test
  default void readOfNothingAfterAShrinkPastThePositionIsZero() throws IOException {
    Mmap m = map(bytes("0123456789"), Access.WRITE);
    m.seek(8);
    m.resize(4);
    assertEquals(0, m.read(new byte[2], 0, 0));
    assertEquals(0, m.read(ByteBuffer.allocate(0)));
    assertEquals(8, m.tell());
  }

  @Test
  default void getIntoAnArrayFromIndexZero() throws IOException {
    Mmap m = m10();
    byte[] buf = new byte[3];
    m.get(0, buf, 0, 3);
    assertEquals("012", str(buf));
  }

  @Test
  default void setFromAnArrayAtIndexZero() throws IOException {
    Mmap m = m10();
    m.set(0, bytes("ab"), 0, 2);
    assertEquals("ab23456789", str(m.slice(0, 10)));
  }
}
