package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.CLOSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A map used from threads other than the one that made it: platform threads each get a record of
 * their own, virtual threads count themselves in and out of the mapping (docs/semantics.md §15.4
 * and the Threads section of the README). Each test ends with a close from a thread that is not
 * inside the map, which must neither wait forever nor leave the map usable. (Closing under a
 * running reader is the forked {@code ConcurrentCloseTest}'s subject.)
 */
interface ThreadsContract extends MapFactory {
  @Test
  default void virtualThreadsReadAndWriteTheMap() throws Exception {
    Mmap m = m10();
    AtomicReference<String> seen = new AtomicReference<>();
    Thread.ofVirtual()
        .start(() -> {
          m.set(0, 'v');
          seen.set(str(m.slice(0, 10)));
        })
        .join();
    assertEquals("v123456789", seen.get());
    m.close();
    assertTrue(m.isClosed());
  }

  @Test
  default void aMapMadeOnAVirtualThreadServesTheOthersAndCloses() throws Exception {
    AtomicReference<Mmap> made = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread.ofVirtual()
        .start(() -> {
          try {
            made.set(m10());
          } catch (IOException e) {
            failure.set(e);
          }
        })
        .join();
    assertEquals(null, failure.get());
    Mmap m = made.get();
    assertEquals('9', m.get(-1));
    m.resize(4);
    assertEquals("0123", str(m.read()));
    m.close();
    assertFails(IllegalStateException.class, CLOSED, () -> m.get(0));
  }

  /**
   * Threads that used the map and now idle (blocked, still alive) are outside it: close must not
   * wait for them. One thread per single-byte operation, platform and virtual, because each of
   * these operations runs the access protocol inline and must leave the map on its own.
   */
  @Test
  default void closeDoesNotWaitForIdleThreadsThatUsedTheMap() throws Exception {
    Mmap m = m10();
    List<Consumer<Mmap>> operations =
        List.of(
            map -> map.get(3),
            map -> map.readByte(),
            map -> map.readLine(),
            map -> map.writeByte((byte) 'w'));
    CountDownLatch used = new CountDownLatch(2 * operations.size());
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> users = new ArrayList<>();
    for (Thread.Builder builder : List.of(Thread.ofPlatform(), Thread.ofVirtual())) {
      for (Consumer<Mmap> operation : operations) {
        users.add(
            builder.start(() -> {
              try {
                operation.accept(m);
              } finally {
                used.countDown();
              }
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }));
      }
    }
    try {
      used.await();
      // A daemon closer: if close waits for ever, the test fails and the JVM can still exit.
      Thread closer = Thread.ofPlatform().daemon().start(m::close);
      closer.join(Duration.ofSeconds(20));
      assertFalse(closer.isAlive(), "close waited for an idle thread");
      assertTrue(m.isClosed());
    } finally {
      release.countDown();
      for (Thread user : users) {
        user.join();
      }
    }
  }

  /** Sixteen threads, so the table of per-thread records grows several times. */
  @Test
  default void manyPlatformThreadsReadTheSameBytes() throws Exception {
    Mmap m = m10();
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      readers.add(
          Thread.ofPlatform()
              .start(() -> seen.add(str(m.slice(0, 10)) + m.find(new byte[] {'7'}, 0))));
    }
    for (Thread reader : readers) {
      reader.join();
    }
    assertEquals(List.of("01234567897"), seen.stream().distinct().toList());
    assertEquals(16, seen.size());
    m.close();
    assertTrue(m.isClosed());
  }

  /**
   * Each kind of call leaves the map when it returns: a close from another thread then finishes at
   * once, instead of waiting for the creator to come out.
   */
  @Test
  default void anotherThreadClosesAfterEachKindOfCallOfTheCreator() throws Exception {
    Mmap m = m10();
    m.readByte();
    m.writeByte('w');
    m.get(2);
    m.set(3, 's');
    m.find(new byte[] {'9'});
    m.slice(0, 2);
    m.flush();
    m.madvise(Madvise.NORMAL);
    Thread closer = Thread.ofPlatform().daemon().start(m::close);
    closer.join(10_000);
    assertTrue(m.isClosed(), "the close from another thread did not finish in 10 s");
  }
}
