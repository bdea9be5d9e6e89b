package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.CLOSED;
import static io.github.mmap4j.testing.Messages.INDEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code withSegment}: a zero-copy view valid only inside the call. */
interface ViewsContract extends MapFactory {
  @Test
  default void aViewSeesAndChangesTheMapsBytes() throws IOException {
    Mmap m = m10();
    long sum =
        m.withSegment(
            2,
            6,
            s -> {
              s.set(ValueLayout.JAVA_BYTE, 0, (byte) 'x');
              long total = 0;
              for (long i = 0; i < s.byteSize(); i++) {
                total += s.get(ValueLayout.JAVA_BYTE, i);
              }
              return total;
            });
    assertEquals('x' + '3' + '4' + '5', sum);
    assertEquals("01x3456789", str(m.slice(0, 10)));
    assertEquals(0, m.tell());
  }

  @Test
  default void aViewIsUnusableAfterTheCall() throws IOException {
    Mmap m = m10();
    AtomicReference<MemorySegment> leaked = new AtomicReference<>();
    m.withSegment(0, 10, leaked::getAndSet);
    assertThrows(IllegalStateException.class, () -> leaked.get().get(ValueLayout.JAVA_BYTE, 0));
    assertEquals('0', m.get(0)); // the map itself goes on
  }

  @Test
  default void aViewOfAReadMapIsReadOnly() throws IOException {
    Mmap m = readOnly(8);
    assertTrue(m.withSegment(0, 8, MemorySegment::isReadOnly));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            m.withSegment(
                0,
                8,
                s -> {
                  s.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
                  return s;
                }));
  }

  @Test
  default void viewBoundsFollowGet() throws IOException {
    Mmap m = m10();
    assertEquals(0L, m.withSegment(10, 10, MemorySegment::byteSize));
    assertEquals(10L, m.withSegment(0, 10, MemorySegment::byteSize));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.withSegment(0, 11, s -> s));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.withSegment(-1, 3, s -> s));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.withSegment(5, 4, s -> s));
  }

  @Test
  default void closingInsideOwnViewFailsLikeCPythonsBufferError() throws IOException {
    Mmap m = map(bytes("0123456789"), Access.WRITE);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                m.withSegment(
                    0,
                    10,
                    s -> {
                      m.close();
                      return s;
                    }));
    assertTrue(e.getMessage().startsWith("cannot close exported pointers exist"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> m.withSegment(0, 1, s -> resizeTo(m, 5)));
    assertEquals(10, m.length());
    m.close();
    assertFails(IllegalStateException.class, CLOSED, () -> m.withSegment(0, 1, s -> s));
  }

  private static Object resizeTo(Mmap m, long size) {
    try {
      m.resize(size);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return null;
  }

  @Test
  default void theMapCanBeReadInsideItsOwnView() throws IOException {
    Mmap m = m10();
    assertEquals("0123", m.withSegment(0, 4, s -> str(m.slice(0, (int) s.byteSize()))));
  }
}
