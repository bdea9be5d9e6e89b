package io.github.mmap4j.reliability;

import io.github.mmap4j.Mmap;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Rounds in which the thread that created a map is unusual: a virtual thread, a pool thread that
 * has moved on to other maps (or is blocked opening one), a thread that has died. In each, other
 * threads use the map while one of them closes or resizes it.
 */
final class OwnerScenarios {
  static final long MAP_LENGTH = 256 * 1024;

  private final Path dir;
  private final MapHammer hammer;
  private final SplittableRandom random;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  long closes;
  long resizes;
  long slowestCloseNanos;

  OwnerScenarios(Path dir, MapHammer hammer, SplittableRandom random) {
    this.dir = dir;
    this.hammer = hammer;
    this.random = random;
  }

  private RoundContent.MapKind kind(int round) {
    return RoundContent.MapKind.values()[round % 3];
  }

  /** A virtual thread creates the map and reads it; guests read; a closer closes or resizes. */
  List<String> virtualOwner(int round) throws Exception {
    RoundContent content = new RoundContent(round);
    RoundContent.MapKind kind = kind(round);
    boolean resizing = kind == RoundContent.MapKind.PATH && round % 2 == 0;
    long safe = resizing ? MAP_LENGTH / 2 : MAP_LENGTH;
    CompletableFuture<Mmap> made = new CompletableFuture<>();
    Crew crew = new Crew();
    crew.start(
        true,
        () -> {
          Mmap map = content.map(kind, dir, MAP_LENGTH);
          made.complete(map);
          hammer.untilClosed(map, content, safe, true);
        });
    Mmap map = made.get(30, TimeUnit.SECONDS);
    crew.start(true, () -> hammer.untilClosed(map, content, safe, false));
    crew.start(false, () -> hammer.untilClosed(map, content, safe, false));
    crew.start(round % 4 < 2, () -> closeOrResize(map, resizing));
    return crew.joinAll();
  }

  /**
   * A pool thread creates the map and moves on to tasks on other maps (opening, reading, searching,
   * closing them); guests read the first map while another thread closes it.
   */
  List<String> poolOwner(int round) throws Exception {
    RoundContent content = new RoundContent(round);
    RoundContent.MapKind kind = kind(round);
    Mmap map = pool.submit(() -> content.map(kind, dir, MAP_LENGTH)).get(30, TimeUnit.SECONDS);
    List<Future<?>> movedOn = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      movedOn.add(pool.submit(() -> otherMaps(round)));
    }
    Crew crew = new Crew();
    crew.start(false, () -> hammer.untilClosed(map, content, MAP_LENGTH, false));
    crew.start(true, () -> hammer.untilClosed(map, content, MAP_LENGTH, false));
    crew.start(round % 2 == 0, () -> closeOrResize(map, false));
    List<String> escaped = crew.joinAll();
    for (Future<?> task : movedOn) {
      task.get(30, TimeUnit.SECONDS);
    }
    return escaped;
  }

  /** A pool task on maps of its own: about 2 ms of opening, reading, searching and closing. */
  private Void otherMaps(int round) throws Exception {
    long until = System.nanoTime() + 2_000_000;
    int n = 0;
    while (System.nanoTime() < until) {
      RoundContent other = new RoundContent(round + 1_000_000 + n);
      try (Mmap map = other.map(RoundContent.MapKind.values()[n % 3], dir, 64 * 1024)) {
        map.find(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0); // a search through the whole map
        if (map.get(1000) != (other.at(1000) & 0xFF)) {
          hammer.fail("another map of a pool thread read wrong bytes", null);
        }
      }
      n++;
    }
    return null;
  }

  /** The creator has ended (platform or virtual) before guests use the map and one closes it. */
  List<String> deadOwner(int round) throws Exception {
    RoundContent content = new RoundContent(round);
    RoundContent.MapKind kind = kind(round);
    boolean resizing = kind == RoundContent.MapKind.PATH;
    long safe = resizing ? MAP_LENGTH / 2 : MAP_LENGTH;
    Mmap[] made = new Mmap[1];
    Thread creator =
        (round % 2 == 0 ? Thread.ofVirtual() : Thread.ofPlatform())
            .start(() -> {
              try {
                made[0] = content.map(kind, dir, MAP_LENGTH);
              } catch (Exception e) {
                hammer.fail("could not create the map: " + e, e);
              }
            });
    creator.join();
    Mmap map = made[0];
    if (map == null) {
      return List.of();
    }
    Crew crew = new Crew();
    crew.start(false, () -> hammer.untilClosed(map, content, safe, true));
    crew.start(true, () -> hammer.untilClosed(map, content, safe, false));
    crew.start(round % 4 < 2, () -> closeOrResize(map, resizing));
    return crew.joinAll();
  }

  /**
   * A pool thread creates the map, then blocks in {@code Mmap.open} of another file (a named pipe
   * nobody writes to, standing for a slow file system). Another thread must still be able to close
   * the first map: within 5 s, while the creator is still blocked.
   */
  List<String> ownerBlockedElsewhere(int round) throws Exception {
    RoundContent content = new RoundContent(round);
    ExecutorService owner = Executors.newSingleThreadExecutor();
    Path fifo = dir.resolve("fifo-" + round);
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
      throw new IllegalStateException("mkfifo failed");
    }
    try {
      Mmap map = owner.submit(() -> content.map(kind(round), dir, MAP_LENGTH)).get();
      Thread creator = owner.submit(Thread::currentThread).get();
      Future<?> blocked =
          owner.submit(() -> {
            Mmap.open(fifo).close();
            return null;
          });
      Thread.sleep(50); // the owner is now inside Mmap.open, waiting for a writer
      Crew crew = new Crew();
      crew.start(false, () -> hammer.untilClosed(map, content, MAP_LENGTH, false));
      Thread closer = crew.start(false, () -> closeOrResize(map, false));
      closer.join(5_000);
      if (closer.isAlive()) {
        hammer.fail(
            "close() did not return within 5 s while the map's creator was blocked in Mmap.open"
                + " of another file.\nThe closer: "
                + stack(closer)
                + "\nThe creator: "
                + stack(creator),
            null);
      }
      try (FileOutputStream writer = new FileOutputStream(fifo.toFile())) {
        writer.flush(); // let the blocked open go on (and fail: the pipe is empty)
      }
      List<String> escaped = crew.joinAll();
      try {
        blocked.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException expected) {
        // cannot mmap an empty file
      }
      return escaped;
    } finally {
      owner.shutdownNow();
      Files.deleteIfExists(fifo);
    }
  }

  /**
   * Guests call {@code size()} and {@code resize()} (calls that use the map's own channel) while
   * another thread closes a map opened by path: they may only fail with {@code mmap closed or
   * invalid}, never with what closing the channel under them would throw.
   */
  List<String> fileCallsRacingClose(int round) throws Exception {
    RoundContent content = new RoundContent(round);
    Mmap map = content.map(RoundContent.MapKind.PATH, dir, MAP_LENGTH);
    CountDownLatch started = new CountDownLatch(2);
    Crew crew = new Crew();
    for (int g = 0; g < 2; g++) {
      boolean resizing = g == 0;
      crew.start(
          g == 1,
          () -> {
            started.countDown();
            long calls = 0;
            try {
              while (true) {
                if (resizing && (calls & 1) == 0) {
                  map.resize(MAP_LENGTH);
                } else if (map.size() != MAP_LENGTH) {
                  hammer.fail("size() is " + map.size(), null);
                  return;
                }
                calls++;
                hammer.progressed(calls);
              }
            } catch (IllegalStateException e) {
              if (!MapHammer.CLOSED.equals(e.getMessage())) {
                hammer.fail("unexpected " + e, e);
              } else if (calls > 0) {
                hammer.racing.incrementAndGet();
              }
            } catch (Throwable t) {
              hammer.fail("unexpected " + t, t);
            } finally {
              hammer.operations.addAndGet(calls);
            }
          });
    }
    started.await();
    closeOrResize(map, false);
    return crew.joinAll();
  }

  /** Waits for the hammers to work, then closes the map, resizing it twice first if asked to. */
  void closeOrResize(Mmap map, boolean resizing) throws Exception {
    hammer.awaitWork(random(), 500);
    if (resizing) {
      map.resize(MAP_LENGTH / 2);
      hammer.awaitWork(random(), 200);
      map.resize(MAP_LENGTH);
      synchronized (this) {
        resizes += 2;
      }
    }
    long started = System.nanoTime();
    map.close();
    long took = System.nanoTime() - started;
    synchronized (this) {
      closes++;
      slowestCloseNanos = Math.max(slowestCloseNanos, took);
    }
  }

  private synchronized SplittableRandom random() {
    return random.split();
  }

  static String stack(Thread thread) {
    StringBuilder text = new StringBuilder(thread.toString());
    for (StackTraceElement frame : thread.getStackTrace()) {
      text.append("\n\tat ").append(frame);
    }
    return text.toString();
  }

  void shutdown() {
    pool.shutdownNow();
  }
}
