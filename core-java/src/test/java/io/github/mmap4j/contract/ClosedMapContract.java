package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.CLOSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.Whence;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * docs/semantics.md §4.1: after {@code close()} every operation is {@code mmap closed or invalid}
 * (here {@link IllegalStateException}), checked before any argument (docs/semantics.md §15.3);
 * {@code close}, {@code isClosed}, {@code seekable}, {@code access}, {@code offset} and {@code
 * toString} keep working.
 */
interface ClosedMapContract extends MapFactory {
  private void assertClosed(Executable call) {
    assertFails(IllegalStateException.class, CLOSED, call);
  }

  @Test
  default void readsOnClosedMapFail() throws IOException {
    Mmap m = closed();
    assertClosed(m::read);
    assertClosed(() -> m.read(1));
    assertClosed(m::readByte);
    assertClosed(m::readLine);
  }

  @Test
  default void writesOnClosedMapFail() throws IOException {
    Mmap m = closed();
    assertClosed(() -> m.write(bytes("a")));
    assertClosed(() -> m.write(new byte[0]));
    assertClosed(() -> m.writeByte(1));
  }

  @Test
  default void positionOnClosedMapFails() throws IOException {
    Mmap m = closed();
    assertClosed(() -> m.seek(0));
    assertClosed(() -> m.seek(0, Whence.END));
    assertClosed(m::tell);
  }

  @Test
  default void sequenceOnClosedMapFails() throws IOException {
    Mmap m = closed();
    assertClosed(m::length);
    assertClosed(() -> m.get(0));
    assertClosed(() -> m.set(0, 1));
    assertClosed(() -> m.slice(0, 1));
    assertClosed(() -> m.slice(0, 1, 1));
    assertClosed(() -> m.setSlice(0, 1, bytes("a")));
    assertClosed(() -> m.setSlice(0, 1, 1, bytes("a")));
  }

  @Test
  default void searchOnClosedMapFails() throws IOException {
    Mmap m = closed();
    assertClosed(() -> m.find(bytes("0")));
    assertClosed(() -> m.find(bytes("0"), 0));
    assertClosed(() -> m.find(bytes("0"), 0, 10));
    assertClosed(() -> m.rfind(bytes("0")));
    assertClosed(() -> m.rfind(bytes("0"), 0));
    assertClosed(() -> m.rfind(bytes("0"), 0, 10));
  }

  @Test
  default void memoryOperationsOnClosedMapFail() throws IOException {
    Mmap m = closed();
    assertClosed(() -> m.move(0, 1, 1));
    assertClosed(m::flush);
    assertClosed(() -> m.flush(0, 1));
    assertClosed(() -> m.madvise(Madvise.NORMAL));
    assertClosed(() -> m.madvise(Madvise.NORMAL, 0));
    assertClosed(() -> m.madvise(Madvise.NORMAL, 0, 1));
  }

  @Test
  default void fileOperationsOnClosedMapFail() throws IOException {
    Mmap m = closed();
    assertClosed(m::size);
    assertClosed(() -> m.resize(20));
  }

  @Test
  default void additionsOnClosedMapFail() throws IOException {
    Mmap m = closed();
    assertClosed(() -> m.sliceClosed(0, 1, 1));
    assertClosed(() -> m.setSliceClosed(0, 1, 1, bytes("ab")));
    assertClosed(() -> m.contains(bytes("0")));
    assertClosed(() -> m.findAllIndices(bytes("0")).hasNext());
    assertClosed(() -> m.lineIterator().hasNext());
  }

  /** §4.1: like a Python iterator made before close(), each step re-reads the map and fails. */
  @Test
  default void lineIteratorMadeBeforeCloseFails() throws IOException {
    Mmap m = map("ab\ncd\n");
    Iterator<byte[]> lines = m.lineIterator();
    assertEquals("ab\n", str(lines.next()));
    m.close();
    assertClosed(lines::next);
  }

  /**
   * 3.11 checks closed before converting arguments; docs/semantics.md §15.3 makes that the rule.
   */
  @Test
  default void closedIsReportedBeforeBadArguments() throws IOException {
    Mmap m = closed();
    assertClosed(() -> m.writeByte(256));
    assertClosed(() -> m.seek(-1));
    assertClosed(() -> m.get(100));
    assertClosed(() -> m.set(0, 300));
    assertClosed(() -> m.slice(0, 5, 0));
    assertClosed(() -> m.move(-1, 0, 1));
    assertClosed(() -> m.flush(1, 6));
    assertClosed(() -> m.madvise(Madvise.NORMAL, -1));
    assertClosed(() -> m.resize(-1));
    assertClosed(() -> m.sliceClosed(0, 1, 0));
    assertClosed(() -> m.findAllIndices(new byte[0]));
  }

  @Test
  default void closedIsReportedBeforeReadOnly() throws IOException {
    Mmap m = readOnly(10);
    m.close();
    assertClosed(() -> m.write(bytes("a")));
    assertClosed(() -> m.set(0, 1));
    assertClosed(() -> m.resize(5));
  }

  @Test
  default void stateQueriesWorkOnClosedMap() throws IOException {
    Mmap m = readOnly(10);
    m.close();
    assertTrue(m.isClosed());
    assertTrue(m.seekable());
    assertEquals(Access.READ, m.access());
    assertEquals(mapOffset(), m.offset());
    assertEquals("Mmap[closed=true]", m.toString());
  }

  /** CPython's test_double_close. */
  @Test
  default void closeIsIdempotent() throws IOException {
    Mmap m = m10();
    m.close();
    m.close();
    assertTrue(m.isClosed());
  }

  /** CPython's test_context_manager: try-with-resources is Python's {@code with}. */
  @Test
  default void tryWithResourcesCloses() throws IOException {
    Mmap outer;
    try (Mmap m = m10()) {
      outer = m;
      assertEquals(false, m.isClosed());
    }
    assertTrue(outer.isClosed());
  }

  /** CPython's test_context_manager_exception: the body's exception propagates unchanged. */
  @Test
  default void exceptionInTryWithResourcesPropagatesAndCloses() throws IOException {
    AtomicReference<Mmap> inner = new AtomicReference<>();
    IOException thrown = new IOException("from the body");
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              try (Mmap m = m10()) {
                inner.set(m);
                throw thrown;
              }
            });
    assertEquals(thrown, e);
    assertTrue(inner.get().isClosed());
  }

  /**
   * CPython's test_mmap_closed_by_int_scenarios, adapted: no user code runs inside a Java call, so
   * the analogue is another thread closing the map while this one reads; the reader must see the
   * closed error, never a JVM crash or a raw FFM exception.
   */
  @Test
  default void closeFromAnotherThreadGivesTheClosedError() throws Exception {
    Mmap m = map(new byte[1 << 16], Access.DEFAULT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = Thread.ofPlatform().daemon().start(() -> readUntilFailure(m, failure));
    Thread.sleep(20);
    m.close();
    reader.join(10_000);
    assertEquals(IllegalStateException.class, failure.get().getClass());
    assertEquals(CLOSED, failure.get().getMessage());
  }

  private static void readUntilFailure(Mmap m, AtomicReference<Throwable> failure) {
    try {
      while (true) {
        m.slice(0, m.length());
        m.find(new byte[] {1});
      }
    } catch (Throwable t) {
      failure.set(t);
    }
  }
}
