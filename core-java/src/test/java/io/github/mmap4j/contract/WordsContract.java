package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Messages.CLOSED;
import static io.github.mmap4j.testing.Messages.INDEX;
import static io.github.mmap4j.testing.Messages.READONLY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Typed and atomic words: byte orders, alignment rules, bounds, and CPython's check order. */
interface WordsContract extends MapFactory {
  private Mmap sixteen() throws IOException {
    byte[] content = new byte[16];
    for (int i = 0; i < 16; i++) {
      content[i] = (byte) (0x10 + i);
    }
    return map(content, Access.DEFAULT);
  }

  /** What {@code ByteBuffer} reads from the same bytes: an independent oracle for each order. */
  private static ByteBuffer view(Mmap m, ByteOrder order) {
    return ByteBuffer.wrap(m.slice(0, m.length())).order(order);
  }

  @Test
  default void typedReadsAreLittleEndianByDefaultAtAnyAlignment() throws IOException {
    Mmap m = sixteen();
    ByteBuffer le = view(m, ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i <= 8; i++) {
      assertEquals(le.getShort(i), m.getShort(i), "short at " + i);
      assertEquals(le.getInt(i), m.getInt(i), "int at " + i);
      assertEquals(le.getLong(i), m.getLong(i), "long at " + i);
      assertEquals(le.getFloat(i), m.getFloat(i), "float at " + i);
      assertEquals(le.getDouble(i), m.getDouble(i), "double at " + i);
    }
    assertEquals(0x13121110, m.getInt(0));
  }

  @Test
  default void typedReadsTakeAByteOrder() throws IOException {
    Mmap m = sixteen();
    ByteBuffer be = view(m, ByteOrder.BIG_ENDIAN);
    for (int i = 0; i <= 8; i += 3) {
      assertEquals(be.getShort(i), m.getShort(i, ByteOrder.BIG_ENDIAN));
      assertEquals(be.getInt(i), m.getInt(i, ByteOrder.BIG_ENDIAN));
      assertEquals(be.getLong(i), m.getLong(i, ByteOrder.BIG_ENDIAN));
      assertEquals(be.getDouble(i), m.getDouble(i, ByteOrder.BIG_ENDIAN));
    }
    assertEquals(0x10111213, m.getInt(0, ByteOrder.BIG_ENDIAN));
  }

  @Test
  default void typedWritesStoreTheBytesAndLeaveThePosition() throws IOException {
    Mmap m = map(new byte[32], Access.DEFAULT);
    m.seek(5);
    // Side by side, none overwriting another, each at an odd or unaligned index.
    m.setLong(0, -2L, ByteOrder.BIG_ENDIAN);
    m.setShort(8, (short) 0x0102, ByteOrder.BIG_ENDIAN);
    m.setInt(10, 0x0A0B0C0D);
    m.setFloat(14, -0.25f);
    m.setDouble(18, 1.5, ByteOrder.LITTLE_ENDIAN);
    m.setShort(26, (short) -3);
    m.setInt(28, 7, ByteOrder.BIG_ENDIAN);
    ByteBuffer expected = ByteBuffer.allocate(32);
    expected.order(ByteOrder.BIG_ENDIAN).putLong(0, -2L).putShort(8, (short) 0x0102);
    expected.order(ByteOrder.LITTLE_ENDIAN).putInt(10, 0x0A0B0C0D).putFloat(14, -0.25f);
    expected.putDouble(18, 1.5).putShort(26, (short) -3);
    expected.order(ByteOrder.BIG_ENDIAN).putInt(28, 7);
    assertArrayEquals(expected.array(), m.slice(0, 32));
    assertEquals(5, m.tell());
  }

  @Test
  default void everyTypedWriteStoresItsWord() throws IOException {
    Mmap m = map(new byte[8], Access.DEFAULT);
    m.setShort(1, (short) 0x0102);
    assertEquals(0x0102, m.getShort(1));
    m.setLong(0, 0x0102030405060708L);
    assertEquals(0x0102030405060708L, m.getLong(0));
    m.setFloat(4, 3.5f, ByteOrder.BIG_ENDIAN);
    assertEquals(3.5f, m.getFloat(4, ByteOrder.BIG_ENDIAN));
    m.setDouble(0, -7.25);
    assertEquals(-7.25, m.getDouble(0));
  }

  @Test
  default void typedAccessChecksBoundsWithoutCountingFromTheEnd() throws IOException {
    Mmap m = sixteen();
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.getLong(9));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.getInt(-4));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.setShort(15, (short) 1));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.getDouble(Long.MAX_VALUE));
    assertEquals(m.getLong(8), m.getLong(8)); // the last word in range reads
  }

  @Test
  default void typedWritesOnAReadMapFailBeforeTheBounds() throws IOException {
    Mmap m = readOnly(8);
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setInt(100, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setDouble(0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setShort(0, (short) 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setLong(0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setFloat(0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setByte(0, (byte) 1));
    assertEquals(0, m.getLong(0));
  }

  @Test
  default void typedAccessOnAClosedMapReportsClosedFirst() throws IOException {
    Mmap m = closed();
    assertFails(IllegalStateException.class, CLOSED, () -> m.getInt(-1));
    assertFails(IllegalStateException.class, CLOSED, () -> m.setLong(100, 1));
    assertFails(IllegalStateException.class, CLOSED, () -> m.getAndAddLong(3, 1));
  }

  @Test
  default void atomicWordsAddCompareAndSet() throws IOException {
    Mmap m = sixteen();
    long before = m.getLongVolatile(8);
    assertEquals(before, m.getAndAddLong(8, 5));
    assertEquals(before + 5, m.getLongAcquire(8));
    assertFalse(m.compareAndSetLong(8, before, 1));
    assertTrue(m.compareAndSetLong(8, before + 5, 42));
    m.setLongRelease(0, 7);
    assertEquals(7, m.getLong(0, ByteOrder.nativeOrder()));
    m.setLongVolatile(0, -1);
    assertEquals(-1, m.getLongVolatile(0));
    m.setIntVolatile(4, 10);
    assertEquals(10, m.getAndAddInt(4, 3));
    assertTrue(m.compareAndSetInt(4, 13, 99));
    assertEquals(99, m.getIntVolatile(4));
    assertEquals(42, m.getLongVolatile(8));
  }

  @Test
  default void aFailedCompareAndSetChangesNothing() throws IOException {
    Mmap m = map(new byte[16], Access.DEFAULT);
    m.setIntVolatile(4, 5);
    m.setLongVolatile(8, 6);
    assertFalse(m.compareAndSetInt(4, 4, 99));
    assertFalse(m.compareAndSetLong(8, 7, 99));
    assertEquals(5, m.getIntVolatile(4));
    assertEquals(6, m.getLongVolatile(8));
    assertTrue(m.compareAndSetInt(4, 5, 99));
    assertEquals(99, m.getIntVolatile(4));
  }

  @Test
  default void atomicWordsNeedAnAlignedIndex() throws IOException {
    Mmap m = sixteen();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.getAndAddLong(4, 1));
    assertEquals("index 4 is not aligned: atomic access needs a multiple of 8", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.compareAndSetInt(2, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> m.getLongVolatile(1));
    assertEquals(m.getLong(0, ByteOrder.nativeOrder()), m.getLongVolatile(0));
  }

  @Test
  default void atomicWordsCheckBoundsBeforeAlignment() throws IOException {
    Mmap m = sixteen();
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.getLongVolatile(12));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.getAndAddInt(-4, 1));
  }

  @Test
  default void atomicWritesOnAReadMapFail() throws IOException {
    Mmap m = readOnly(16);
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.getAndAddLong(0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setIntVolatile(0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.compareAndSetLong(0, 0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.getAndAddInt(0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.compareAndSetInt(0, 0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setLongVolatile(0, 1));
    assertFails(UnsupportedOperationException.class, READONLY, () -> m.setLongRelease(8, 1));
    assertEquals(0, m.getLongAcquire(8));
  }

  @Test
  default void signedBytesRoundTrip() throws IOException {
    Mmap m = sixteen();
    m.setByte(0, (byte) 0xFF);
    m.setByte(-1, (byte) -128);
    assertEquals(255, m.get(0));
    assertEquals((byte) -1, m.getByte(0));
    assertEquals(128, m.get(15));
    assertEquals((byte) 0x11, m.getByte(1));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.setByte(16, (byte) 1));
  }
}
