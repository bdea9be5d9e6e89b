package io.github.mmap4j.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Path;

/**
 * One mapped (or allocated) region and the arena that releases it. Immutable: a resize makes a new
 * one. {@code length} may be smaller than the segment when an anonymous map shrank in place.
 *
 * @param arena releases the memory when closed; shared by the shrunk copies of an anonymous map
 * @param segment the memory
 * @param length the map's length, {@code len(m)}
 */
public record Mapping(Arena arena, MemorySegment segment, long length) {

  /** A copy that exposes only the first {@code newLength} bytes of the same memory. */
  public Mapping shrunk(long newLength) {
    return new Mapping(arena, segment, newLength);
  }

  /**
   * Maps {@code length} bytes of the file from {@code offset}.
   *
   * @param mode READ_ONLY, READ_WRITE (shared) or PRIVATE (copy-on-write)
   * @param path the file, used for a private map of a read-only file; may be null
   */
  public static Mapping ofFile(
      FileChannel channel, Path path, FileChannel.MapMode mode, long offset, long length)
      throws IOException {
    Arena arena = Arena.ofShared();
    boolean done = false;
    try {
      MemorySegment segment = mapSegment(channel, path, mode, offset, length, arena);
      done = true;
      return new Mapping(arena, segment, length);
    } finally {
      if (!done) {
        arena.close();
      }
    }
  }

  private static MemorySegment mapSegment(
      FileChannel channel,
      Path path,
      FileChannel.MapMode mode,
      long offset,
      long length,
      Arena arena)
      throws IOException {
    try {
      return channel.map(mode, offset, length, arena);
    } catch (NonReadableChannelException e) {
      throw Errors.permission();
    } catch (NonWritableChannelException e) {
      if (mode == FileChannel.MapMode.PRIVATE) {
        return mapPrivateNatively(path, offset, length, arena);
      }
      throw Errors.permission();
    }
  }

  /**
   * The JDK makes private maps only from channels open for writing; CPython's ACCESS_COPY also
   * works on a file opened read-only, which needs an {@code mmap(2)} downcall.
   */
  private static MemorySegment mapPrivateNatively(Path path, long offset, long length, Arena arena)
      throws IOException {
    if (path == null || !NativeOs.available()) {
      throw new IOException(
          Errno.describe(Errno.EACCES)
              + ": ACCESS_COPY of a file that is not open for writing needs native access"
              + " (run with --enable-native-access=io.github.mmap4j, or ALL-UNNAMED on the class"
              + " path, and open the map with Mmap.open(path, …))");
    }
    Object result = NativeOs.mapPrivate(path.toAbsolutePath().toString(), offset, length, arena);
    if (result instanceof MemorySegment segment) {
      return segment;
    }
    throw Errors.os(-(Integer) result);
  }

  /** Zero-filled memory with no file behind it, aligned to the page size. */
  public static Mapping anonymous(long length, long pageSize) {
    Arena arena = Arena.ofShared();
    try {
      return new Mapping(arena, arena.allocate(length, pageSize), length);
    } catch (OutOfMemoryError | IllegalArgumentException e) {
      arena.close();
      throw Errors.unchecked(Errors.os(Errno.ENOMEM));
    }
  }
}
