package io.github.mmap4j.reliability;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Uses a map from one thread until it is closed, checking every byte it reads against the round's
 * {@link RoundContent}. The only failure allowed is the documented {@code IllegalStateException
 * ("mmap closed or invalid")}; anything else, or a wrong byte, is recorded in {@link #failures}.
 */
final class MapHammer {
  static final String CLOSED = "mmap closed or invalid";

  final AtomicLong operations = new AtomicLong();

  /** Hammers that did some operations and then met the close: they raced it. */
  final AtomicLong racing = new AtomicLong();

  final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  /** Grows by one every 16 operations while hammers run: closers wait for it to move. */
  private final LongAdder progress = new LongAdder();

  /**
   * Runs operations on {@code map} until it is closed.
   *
   * @param safeLength operations stay below this index (the map may shrink to it meanwhile)
   * @param positional whether to use the position too (seek, readByte, read): only one thread per
   *     map may, as the position is shared
   */
  void untilClosed(Mmap map, RoundContent content, long safeLength, boolean positional) {
    SplittableRandom random = new SplittableRandom(Thread.currentThread().threadId());
    byte[] buffer = new byte[64];
    long done = 0;
    try {
      while (true) {
        if (!step(map, content, random.nextLong(safeLength - 256), positional, random, buffer)) {
          return;
        }
        done++;
        progressed(done);
      }
    } catch (IllegalStateException e) {
      if (!CLOSED.equals(e.getMessage())) {
        fail("unexpected " + e, e);
      } else if (done > 0) {
        racing.incrementAndGet();
      }
    } catch (Throwable t) {
      fail("unexpected " + t, t);
    } finally {
      operations.addAndGet(done);
    }
  }

  /** Counts progress every 16 operations, and lets other virtual threads run every 64. */
  void progressed(long done) {
    if ((done & 15) == 0) {
      progress.increment();
    }
    if ((done & 63) == 0 && Thread.currentThread().isVirtual()) {
      Thread.yield(); // virtual threads are not time-sliced: let the others run
    }
  }

  /**
   * Waits until the hammers did at least 64 more operations (or 200 ms passed), then up to {@code
   * maxMicros} more, so that a close lands in the middle of their work at a random moment.
   */
  void awaitWork(SplittableRandom random, int maxMicros) {
    long target = progress.sum() + 4;
    long giveUp = System.nanoTime() + 200_000_000;
    while (progress.sum() < target && System.nanoTime() < giveUp) {
      Thread.onSpinWait();
    }
    long until = System.nanoTime() + random.nextLong(maxMicros * 1_000L + 1);
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  /** One random operation at index {@code i}; false after recording a failure. */
  boolean step(
      Mmap map,
      RoundContent content,
      long i,
      boolean positional,
      SplittableRandom random,
      byte[] buffer) {
    switch (random.nextInt(positional ? 7 : 5)) {
      case 0 -> {
        return expect(map.get(i) == (content.at(i) & 0xFF), "get", i, content);
      }
      case 1 -> {
        return expect(
            Arrays.equals(map.slice(i, i + 64), content.bytes(i, 64)), "slice", i, content);
      }
      case 2 -> {
        map.get(i, buffer, 0, 64);
        return expect(Arrays.equals(buffer, content.bytes(i, 64)), "get(i, dst…)", i, content);
      }
      case 3 -> {
        long found = map.find(content.bytes(i + 100, 8), i, i + 4096);
        return expect(found == i + 100, "find (found " + found + ")", i, content);
      }
      case 4 -> {
        if (map.access() != Access.READ) {
          map.set(i, content.at(i) & 0xFF); // the same value: writes race the close too
        }
        return true;
      }
      case 5 -> {
        map.seek(i);
        return expect(map.readByte() == (content.at(i) & 0xFF), "readByte", i, content);
      }
      default -> {
        map.seek(i);
        return expect(Arrays.equals(map.read(32), content.bytes(i, 32)), "read(32)", i, content);
      }
    }
  }

  private boolean expect(boolean ok, String what, long i, RoundContent content) {
    if (!ok) {
      fail(what + " at " + i + " did not return round " + content.round() + "'s bytes", null);
    }
    return ok;
  }

  void fail(String message, Throwable cause) {
    StringBuilder text = new StringBuilder(Thread.currentThread() + ": " + message);
    if (cause != null) {
      for (StackTraceElement frame : cause.getStackTrace()) {
        text.append("\n\tat ").append(frame);
      }
    }
    failures.add(text.toString());
  }
}
