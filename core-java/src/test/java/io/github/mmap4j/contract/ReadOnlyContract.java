package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.BYTE_TOO_BIG;
import static io.github.mmap4j.testing.Messages.BYTE_TOO_SMALL;
import static io.github.mmap4j.testing.Messages.FLUSH;
import static io.github.mmap4j.testing.Messages.READONLY;
import static io.github.mmap4j.testing.Messages.RESIZE_READONLY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * docs/semantics.md §4.2: on a READ map every mutation is {@code mmap can't modify a readonly
 * memory map.} ({@link UnsupportedOperationException}), checked before index, size and range checks
 * but after argument conversion ({@code writeByte(256)}). Reads, flush and madvise still work.
 */
interface ReadOnlyContract extends MapFactory {
  private static void assertReadOnly(Executable call) {
    assertFails(UnsupportedOperationException.class, READONLY, call);
  }

  /** CPython's test_access_parameter (a) and test_prot_readonly. */
  @Test
  default void writeOnReadOnlyMapFails() throws IOException {
    Mmap m = readOnly(10);
    assertReadOnly(() -> m.write(bytes("abc")));
    assertReadOnly(() -> m.write(new byte[0]));
    assertEquals(0, m.tell());
  }

  @Test
  default void readOnlyIsReportedBeforeDataOutOfRange() throws IOException {
    Mmap m = readOnly(10);
    m.seek(10);
    assertReadOnly(() -> m.write(bytes("abc")));
    assertReadOnly(() -> m.writeByte(1));
  }

  @Test
  default void writeByteOnReadOnlyMapFails() throws IOException {
    Mmap m = readOnly(10);
    assertReadOnly(() -> m.writeByte('d'));
    assertEquals(0, m.tell());
  }

  /** Argument conversion ({@code OverflowError} in CPython) comes before the read-only check. */
  @Test
  default void writeByteRangeIsReportedBeforeReadOnly() throws IOException {
    Mmap m = readOnly(10);
    assertFails(IllegalArgumentException.class, BYTE_TOO_BIG, () -> m.writeByte(300));
    assertFails(IllegalArgumentException.class, BYTE_TOO_SMALL, () -> m.writeByte(-1));
  }

  /** §6.4 order: read-only, then index, then value. */
  @Test
  default void setOnReadOnlyMapFailsBeforeIndexAndValue() throws IOException {
    Mmap m = readOnly(10);
    assertReadOnly(() -> m.set(0, 1));
    assertReadOnly(() -> m.set(100, 1));
    assertReadOnly(() -> m.set(0, 300));
    assertReadOnly(() -> m.set(100, 300));
  }

  @Test
  default void setSliceOnReadOnlyMapFailsBeforeSizeAndStep() throws IOException {
    Mmap m = readOnly(10);
    assertReadOnly(() -> m.setSlice(0, 10, new byte[10]));
    assertReadOnly(() -> m.setSlice(0, 5, bytes("a")));
    assertReadOnly(() -> m.setSlice(0, 5, 0, bytes("a")));
    assertReadOnly(() -> m.setSlice(0, 10, 2, new byte[5]));
    assertReadOnly(() -> m.setSliceClosed(0, 1, 1, new byte[2]));
  }

  @Test
  default void moveOnReadOnlyMapFailsBeforeItsBounds() throws IOException {
    Mmap m = readOnly(10);
    assertReadOnly(() -> m.move(0, 1, 1));
    assertReadOnly(() -> m.move(-1, 0, 1));
  }

  @Test
  default void resizeOfReadOnlyMapFailsBeforeItsRange() throws IOException {
    Mmap m = readOnly(10);
    assertFails(UnsupportedOperationException.class, RESIZE_READONLY, () -> m.resize(20));
    assertFails(UnsupportedOperationException.class, RESIZE_READONLY, () -> m.resize(-1));
    assertEquals(10, m.length());
  }

  /** CPython's test_access_parameter (d): COPY maps are writable but not resizable. */
  @Test
  default void resizeOfCopyMapFails() throws IOException {
    Mmap m = map(bytes("0123456789"), Access.COPY);
    assertFails(UnsupportedOperationException.class, RESIZE_READONLY, () -> m.resize(20));
    assertFails(UnsupportedOperationException.class, RESIZE_READONLY, () -> m.resize(-1));
    m.setSlice(0, 10, bytes("dddddddddd"));
    assertEquals("dddddddddd", str(m.slice(0, 10)));
  }

  /** §5.4: READ and COPY flush nothing, so alignment goes unchecked; the range still is. */
  @Test
  default void flushOfReadOnlyMapChecksOnlyTheRange() throws IOException {
    Mmap m = readOnly(10);
    m.flush();
    m.flush(1, 6);
    assertFails(IllegalArgumentException.class, FLUSH, () -> m.flush(0, 11));
  }

  @Test
  default void readOnlyMapStillReads() throws IOException {
    Mmap m = readOnly(10);
    m.madvise(Madvise.NORMAL);
    assertArrayEquals(new byte[10], m.read());
    assertEquals(0, m.get(9));
    assertEquals(3, m.find(new byte[1], 3));
  }

  @Test
  default void failedWritesLeaveReadOnlyMapUnchanged() throws IOException {
    Mmap m = readOnly(10);
    assertReadOnly(() -> m.setSlice(0, 3, bytes("abc")));
    assertReadOnly(() -> m.set(0, 'a'));
    assertArrayEquals(new byte[10], m.slice(0, 10));
    assertEquals(
        "Mmap[closed=false, access=READ, length=10, pos=0, offset=" + mapOffset() + "]",
        m.toString());
  }
}
