package io.github.mmap4j.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Path;

/**
 * One mapped (or allocated) region, what releases it, and the count of guest-thread operations
 * inside it (see {@link Quiescence}). A resize makes a new one, so operations that entered the old
 * mapping are counted apart from those that entered the new one. {@code length} may be smaller than
 * the segment when an anonymous map shrank in place.
 *
 * <p>Closing a shared {@code Arena} costs a ~40 µs handshake with every thread, four times
 * CPython's whole open+close. With native access mmap4j avoids it: the segment it hands out belongs
 * to no arena, which is safe because {@link Quiescence} already guarantees that nothing is inside a
 * mapping when it is released. A file opened by path is mapped with {@code mmap(2)} and released
 * with {@code munmap(2)}; a borrowed channel (whose descriptor the JDK does not expose) is mapped
 * by {@code FileChannel.map} into a confined arena, closed by its thread, or unmapped with {@code
 * munmap(2)} from any other thread (a confined arena left unclosed releases nothing). Without
 * native access, {@code FileChannel.map} maps into a shared {@code Arena}.
 */
public final class Mapping {
  private static final VarHandle GUESTS;

  static {
    try {
      GUESTS = MethodHandles.lookup().findVarHandle(Mapping.class, "guests", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Runnable release;
  private final MemorySegment segment;
  private final long length;
  private final boolean syncedNatively;

  @SuppressWarnings("unused") // accessed through GUESTS
  private volatile int guests;

  private Mapping(Runnable release, MemorySegment segment, long length, boolean syncedNatively) {
    this.release = release;
    this.segment = segment;
    this.length = length;
    this.syncedNatively = syncedNatively;
  }

  /**
   * Writes {@code size} bytes from {@code offset} back to the file ({@code msync(MS_SYNC)}, what
   * CPython's {@code flush} calls). Only for file mappings.
   */
  public void force(long offset, long size) throws IOException {
    MemorySegment range = segment.asSlice(offset, size);
    if (!syncedNatively) {
      try {
        range.force();
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      return;
    }
    int errno = NativeOs.msync(range, size);
    if (errno != 0) {
      throw Errors.os(errno);
    }
  }

  /** The memory. */
  public MemorySegment segment() {
    return segment;
  }

  /** The map's length, {@code len(m)}. */
  public long length() {
    return length;
  }

  /** Whether both give back the same memory (a shrunk anonymous map and its original do). */
  public boolean sharesMemoryWith(Mapping other) {
    return release == other.release;
  }

  /** Unmaps or frees the memory. Only once nothing is inside it (see {@link Quiescence}). */
  public void release() {
    release.run();
  }

  /** A copy that exposes only the first {@code newLength} bytes of the same memory. */
  public Mapping shrunk(long newLength) {
    return new Mapping(release, segment, newLength, syncedNatively);
  }

  /** Counts an operation of a non-owner thread in. */
  public void enterGuest() {
    GUESTS.getAndAdd(this, 1);
  }

  /** Counts it out again. */
  public void exitGuest() {
    GUESTS.getAndAdd(this, -1);
  }

  boolean hasGuests() {
    return (int) GUESTS.getVolatile(this) != 0;
  }

  /**
   * Maps {@code length} bytes of the file from {@code offset}.
   *
   * @param mode READ_ONLY, READ_WRITE (shared) or PRIVATE (copy-on-write)
   * @param path the file the channel was opened from, or null for a borrowed channel
   */
  public static Mapping ofFile(
      FileChannel channel, Path path, FileChannel.MapMode mode, long offset, long length)
      throws IOException {
    if (NativeOs.available()) {
      return path != null
          ? ofFileNatively(path, mode, offset, length)
          : ofChannelConfined(channel, mode, offset, length);
    }
    Arena arena = Arena.ofShared();
    boolean done = false;
    try {
      MemorySegment segment = mapSegment(channel, mode, offset, length, arena);
      done = true;
      return new Mapping(arena::close, segment, length, false);
    } finally {
      if (!done) {
        arena.close();
      }
    }
  }

  private static Mapping ofFileNatively(
      Path path, FileChannel.MapMode mode, long offset, long length) throws IOException {
    boolean shared = mode != FileChannel.MapMode.PRIVATE;
    boolean writable = mode != FileChannel.MapMode.READ_ONLY;
    Object result =
        NativeOs.mapFile(
            path.toAbsolutePath().toString(), writable && shared, writable, shared, offset, length);
    if (result instanceof MemorySegment segment) {
      long address = segment.address();
      return new Mapping(
          () -> NativeOs.unmap(address, length), readOnlyIf(mode, segment), length, true);
    }
    int errno = (Integer) result;
    throw errno == Errno.EACCES ? Errors.permission() : Errors.os(errno);
  }

  private static Mapping ofChannelConfined(
      FileChannel channel, FileChannel.MapMode mode, long offset, long length) throws IOException {
    Arena arena = Arena.ofConfined();
    MemorySegment mapped;
    try {
      mapped = mapSegment(channel, mode, offset, length, arena);
    } catch (IOException | RuntimeException e) {
      arena.close();
      throw e;
    }
    long address = mapped.address();
    Thread creator = Thread.currentThread();
    Runnable release =
        () -> {
          if (Thread.currentThread() == creator) {
            arena.close();
          } else {
            NativeOs.unmap(address, length);
          }
        };
    MemorySegment unscoped = NativeOs.unscoped(address, length);
    return new Mapping(release, readOnlyIf(mode, unscoped), length, true);
  }

  /** Writes through a read-only map fail in Java, not with SIGSEGV on a PROT_READ page. */
  private static MemorySegment readOnlyIf(FileChannel.MapMode mode, MemorySegment segment) {
    return mode == FileChannel.MapMode.READ_ONLY ? segment.asReadOnly() : segment;
  }

  private static MemorySegment mapSegment(
      FileChannel channel, FileChannel.MapMode mode, long offset, long length, Arena arena)
      throws IOException {
    try {
      return channel.map(mode, offset, length, arena);
    } catch (NonReadableChannelException e) {
      throw Errors.permission();
    } catch (NonWritableChannelException e) {
      if (mode == FileChannel.MapMode.PRIVATE) {
        // The JDK makes private maps only from channels open for writing; CPython's ACCESS_COPY
        // also works on a read-only file, which takes an mmap(2) downcall (see ofFileNatively).
        throw new IOException(
            Errno.describe(Errno.EACCES)
                + ": ACCESS_COPY of a file that is not open for writing needs native access"
                + " (run with --enable-native-access=io.github.mmap4j, or ALL-UNNAMED on the class"
                + " path, and open the map with Mmap.open(path, …))");
      }
      throw Errors.permission();
    } catch (IOException e) {
      // e.g. a directory: the JDK says "No such device", CPython "[Errno 19] No such device".
      int errno = Errno.fromText(e.getMessage());
      if (errno < 0) {
        throw e;
      }
      throw Errors.os(errno);
    }
  }

  /** Zero-filled memory with no file behind it, aligned to the page size. */
  public static Mapping anonymous(long length, long pageSize) {
    Arena arena = Arena.ofShared();
    try {
      return new Mapping(arena::close, arena.allocate(length, pageSize), length, false);
    } catch (OutOfMemoryError | IllegalArgumentException e) {
      arena.close();
      throw Errors.unchecked(Errors.os(Errno.ENOMEM));
    }
  }
}
