package io.github.mmap4j.reliability;

import io.github.mmap4j.Mmap;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Rounds in which maps are shared in other ways: iterators ({@code lineIterator}, {@code
 * findAllIndices}) in use while another thread closes the map; two maps closed crosswise, each by
 * the other's creator; guests resizing a map its creator reads.
 */
final class SharingScenarios {
  private static final int LINES = 8192;

  private final Path dir;
  private final MapHammer hammer;
  private final OwnerScenarios owners; // for closeOrResize and its counts
  private final SplittableRandom random;

  SharingScenarios(Path dir, MapHammer hammer, OwnerScenarios owners, SplittableRandom random) {
    this.dir = dir;
    this.hammer = hammer;
    this.owners = owners;
    this.random = random;
  }

  /**
   * Lines and matches iterated while the map is closed: by a third thread, or by the creator while
   * guests iterate. Only one thread per map iterates lines (they share the position).
   */
  List<String> iterators(int round) throws Exception {
    RoundContent content = new RoundContent(round);
    Mmap map = content.textMap(dir, LINES);
    Crew crew = new Crew();
    int variant = round % 3;
    if (variant != 1) {
      crew.start(round % 2 == 0, () -> iterateMatches(map, content));
    }
    crew.start(variant == 1, () -> iterateMatches(map, content));
    switch (variant) {
      case 0 -> crew.start(false, () -> owners.closeOrResize(map, false));
      case 1 -> {
        crew.start(true, () -> iterateLines(map, content));
        crew.start(false, () -> owners.closeOrResize(map, false));
      }
      default -> {
        crew.start(false, () -> iterateLines(map, content));
        owners.closeOrResize(map, false); // the creator closes
      }
    }
    if (variant == 0) {
      iterateLines(map, content); // the creator iterates lines until a guest closes the map
    }
    return crew.joinAll();
  }

  /** Reads the map's lines from the start over and over; each must be the expected line. */
  private void iterateLines(Mmap map, RoundContent content) {
    long lines = 0;
    try {
      while (true) {
        map.seek(0);
        Iterator<byte[]> it = map.lineIterator();
        for (long k = 0; it.hasNext(); k++) {
          byte[] line = it.next();
          if (!Arrays.equals(line, content.line(k))) {
            hammer.fail("line " + k + " read " + new String(line), null);
            return;
          }
          lines++;
          hammer.progressed(lines);
        }
      }
    } catch (IllegalStateException e) {
      closedWhileIterating(e, lines);
    } catch (Throwable t) {
      hammer.fail("unexpected " + t, t);
    }
  }

  /** Finds every line start with findAllIndices, over and over; each must be the next line's. */
  private void iterateMatches(Mmap map, RoundContent content) {
    long matches = 0;
    try {
      while (true) {
        PrimitiveIterator.OfLong it = map.findAllIndices(content.linePrefix());
        for (long k = 0; it.hasNext(); k++) {
          long at = it.nextLong();
          if (at != 16 * k) {
            hammer.fail("match " + k + " at " + at + ", expected " + 16 * k, null);
            return;
          }
          matches++;
          hammer.progressed(matches);
        }
      }
    } catch (IllegalStateException e) {
      closedWhileIterating(e, matches);
    } catch (Throwable t) {
      hammer.fail("unexpected " + t, t);
    }
  }

  private void closedWhileIterating(IllegalStateException e, long done) {
    if (!MapHammer.CLOSED.equals(e.getMessage())) {
      hammer.fail("unexpected " + e, e);
      return;
    }
    hammer.operations.addAndGet(done);
    if (done > 0) {
      hammer.racing.incrementAndGet();
    }
  }

  /**
   * Threads A and B each create a map and both use both; then, at once, A closes B's map and B
   * closes A's, while a guest uses both. Each creator is inside the other's map as it closes.
   */
  List<String> crosswise(int round) throws Exception {
    RoundContent content = new RoundContent(round);
    Mmap[] maps = new Mmap[2];
    CountDownLatch created = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    Crew crew = new Crew();
    for (int side = 0; side < 2; side++) {
      int mine = side;
      crew.start(
          round % 2 == 1 && side == 1,
          () -> {
            maps[mine] =
                content.map(
                    RoundContent.MapKind.values()[(round + mine) % 3],
                    dir,
                    OwnerScenarios.MAP_LENGTH);
            created.countDown();
            created.await();
            useBothUntil(maps, content, go);
            maps[1 - mine].close(); // the other creator's map
            hammer.untilClosed(maps[mine], content, OwnerScenarios.MAP_LENGTH, false);
          });
    }
    if (!created.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("maps not created");
    }
    crew.start(true, () -> useBothUntil(maps, content, null));
    hammer.awaitWork(random(), 300);
    go.countDown();
    List<String> escaped = crew.joinAll();
    synchronized (owners) {
      owners.closes += 2;
    }
    return escaped;
  }

  /** Alternates operations on both maps until {@code go} opens (null: until both are closed). */
  private void useBothUntil(Mmap[] maps, RoundContent content, CountDownLatch go) {
    SplittableRandom local = random();
    byte[] buffer = new byte[64];
    boolean[] closed = new boolean[2];
    long done = 0;
    try {
      while (go == null ? !(closed[0] && closed[1]) : go.getCount() > 0) {
        int which = (int) (done & 1);
        if (closed[which]) {
          done++;
          continue;
        }
        try {
          long i = local.nextLong(OwnerScenarios.MAP_LENGTH - 256);
          if (!hammer.step(maps[which], content, i, false, local, buffer)) {
            return;
          }
        } catch (IllegalStateException e) {
          if (!MapHammer.CLOSED.equals(e.getMessage())) {
            throw e;
          }
          closed[which] = true;
          if (done > 1) {
            hammer.racing.incrementAndGet(); // this map was closed under the loop's feet
          }
        }
        done++;
        hammer.progressed(done);
      }
    } catch (Throwable t) {
      hammer.fail("unexpected " + t, t);
    } finally {
      hammer.operations.addAndGet(done);
    }
  }

  /**
   * A virtual thread creates a file map and reads its first half; two guests resize it (between
   * half and twice its length) while using it, until a third closes it.
   */
  List<String> guestResize(int round) throws Exception {
    RoundContent content = new RoundContent(round);
    long length = OwnerScenarios.MAP_LENGTH;
    Mmap[] made = new Mmap[1];
    CountDownLatch created = new CountDownLatch(1);
    Crew crew = new Crew();
    crew.start(
        true,
        () -> {
          made[0] = content.map(RoundContent.MapKind.PATH, dir, length);
          created.countDown();
          hammer.untilClosed(made[0], content, length / 2, true);
        });
    if (!created.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("map not created");
    }
    Mmap map = made[0];
    for (int g = 0; g < 2; g++) {
      crew.start(g == 1, () -> resizeUntilClosed(map, length));
    }
    crew.start(false, () -> owners.closeOrResize(map, false));
    return crew.joinAll();
  }

  private void resizeUntilClosed(Mmap map, long length) {
    SplittableRandom local = random();
    try {
      while (true) {
        map.resize(length / 2 + local.nextLong(length + length / 2));
        synchronized (owners) {
          owners.resizes++;
        }
        Thread.yield();
      }
    } catch (IllegalStateException e) {
      if (!MapHammer.CLOSED.equals(e.getMessage())) {
        hammer.fail("unexpected " + e, e);
      }
    } catch (Throwable t) {
      hammer.fail("unexpected " + t, t);
    }
  }

  private synchronized SplittableRandom random() {
    return random.split();
  }
}
