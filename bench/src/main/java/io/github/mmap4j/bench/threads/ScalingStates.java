package io.github.mmap4j.bench.threads;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.bench.workload.BenchData;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The maps the thread-scaling benchmarks use, all of {@code lines.bin} from the benchmark data
 * ({@code -Dmmap4j.bench.data=DIR}, default {@code /tmp/mmap4j-data}; {@code bench/make_data.py}
 * makes it). The thread that creates a map can be special to an implementation (mmap4j's first
 * design let only it enter without atomics), so each state says which thread creates its map and
 * checks it.
 */
public final class ScalingStates {
  /** Each thread works in its own 8 MiB of the first 64 MiB of the file. */
  static final long REGION = 64L << 20;

  static final long SLICE = 4096;
  static final long WINDOW = 64 << 10;

  private ScalingStates() {}

  static BenchData data() throws IOException {
    return new BenchData(Path.of(System.getProperty("mmap4j.bench.data", "/tmp/mmap4j-data")));
  }

  static Mmap openMap() throws IOException {
    try (FileChannel ch = FileChannel.open(data().file("lines_file"))) {
      return Mmap.map(ch, 0, Access.READ); // the map keeps working after its channel is closed
    }
  }

  /**
   * Opens a map on a short-lived thread of its own, so that no JMH worker thread is its creator:
   * every measuring thread is an "other" thread. Returns the map and remembers its creator.
   */
  static Mmap openOnHelperThread(AtomicReference<Thread> creator) throws IOException {
    AtomicReference<Object> made = new AtomicReference<>();
    Thread helper =
        Thread.ofPlatform()
            .name("mmap4j-bench-map-creator")
            .unstarted(() -> {
              try {
                made.set(openMap());
              } catch (IOException | RuntimeException e) {
                made.set(e);
              }
            });
    helper.start();
    try {
      helper.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while opening the map", e);
    }
    if (made.get() instanceof Mmap m) {
      // The creator has ended before any measurement starts, so it cannot be a measuring thread.
      expect(!helper.isAlive(), "the creating thread still runs");
      creator.set(helper);
      return m;
    }
    throw new IOException("opening the map failed", (Throwable) made.get());
  }

  static void expect(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("benchmark check failed: " + message);
    }
  }

  /**
   * A map opened by the measuring thread itself ({@code Scope.Thread}: JMH runs the setup there).
   */
  @State(Scope.Thread)
  public static class CreatorMap {
    Mmap map;
    Thread creator;

    @Setup(Level.Trial)
    public void open() throws IOException {
      map = openMap();
      creator = Thread.currentThread();
    }

    @TearDown(Level.Iteration)
    public void checkCreator() {
      expect(Thread.currentThread() == creator, "the measuring thread did not create its map");
    }

    @TearDown(Level.Trial)
    public void close() {
      map.close();
    }
  }

  /** One map for all measuring threads, created on a helper thread that is none of them. */
  @State(Scope.Benchmark)
  public static class SharedOtherMap {
    final AtomicReference<Thread> creator = new AtomicReference<>();
    Mmap map;

    @Setup(Level.Trial)
    public void open() throws IOException {
      map = openOnHelperThread(creator);
    }

    @TearDown(Level.Trial)
    public void close() {
      map.close();
    }
  }

  /** A map per measuring thread, each created on a helper thread (for position-moving calls). */
  @State(Scope.Thread)
  public static class OwnOtherMap {
    final AtomicReference<Thread> creator = new AtomicReference<>();
    Mmap map;

    @Setup(Level.Trial)
    public void open() throws IOException {
      map = openOnHelperThread(creator);
    }

    @TearDown(Level.Iteration)
    public void checkOther() {
      expect(Thread.currentThread() != creator.get(), "the measuring thread created its map");
    }

    @TearDown(Level.Trial)
    public void close() {
      map.close();
    }
  }

  /** The baseline: the file mapped once into a shared arena, read by every thread. */
  @State(Scope.Benchmark)
  public static class RawSegment {
    Arena arena;
    MemorySegment segment;

    @Setup(Level.Trial)
    public void open() throws IOException {
      arena = Arena.ofShared();
      try (FileChannel ch = FileChannel.open(data().file("lines_file"))) {
        segment = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      arena.close();
    }
  }

  /**
   * A measuring thread's place in the file and the needle; it also checks that a shared map's
   * creator is not this thread and that {@code find} found nothing, as the needle never occurs.
   */
  @State(Scope.Thread)
  public static class Cursor {
    long start;
    long next;
    byte[] needle;
    long lastFind = -1;

    @Setup(Level.Trial)
    public void place(ThreadParams threads) throws IOException {
      start = (threads.getThreadIndex() % 8) * (REGION / 8);
      next = start;
      needle = data().needle("absent_needle_hex");
    }

    /** The next {@code length} bytes of this thread's region, wrapping around. */
    long advance(long length) {
      long at = next;
      if (at + length > start + REGION / 8) {
        at = start;
      }
      next = at + length;
      return at;
    }

    @TearDown(Level.Iteration)
    public void check() {
      expect(lastFind == -1, "find found the absent needle at " + lastFind);
    }
  }
}
