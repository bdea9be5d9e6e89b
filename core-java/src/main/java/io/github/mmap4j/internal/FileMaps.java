package io.github.mmap4j.internal;

import io.github.mmap4j.Access;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opening and mapping files the way CPython's {@code mmap.mmap(fileno, …)} constructor does ({@code
 * new_mmap_object} in {@code Modules/mmapmodule.c}).
 *
 * <p>Closing a shared {@code Arena} costs a ~40 µs handshake with every thread, four times
 * CPython's whole open+close. With native access mmap4j avoids it: the segment it hands out belongs
 * to no arena, which is safe because {@link Gate} already guarantees that nothing is inside a
 * mapping when it is released. A file opened by path is mapped with {@code mmap(2)} and released
 * with {@code munmap(2)}; a borrowed channel (whose descriptor the JDK does not expose) is mapped
 * by {@code FileChannel.map} into a confined arena, closed by its thread, or unmapped with {@code
 * munmap(2)} from any other thread (a confined arena left unclosed releases nothing). Without
 * native access, {@code FileChannel.map} maps into a shared {@code Arena}.
 */
public final class FileMaps {
  private FileMaps() {}

  /** Opens the channel a map of {@code access} needs (COPY falls back to read-only). */
  public static FileChannel openChannel(Path path, Access access) throws IOException {
    return switch (access) {
      case READ -> FileChannel.open(path, StandardOpenOption.READ);
      case WRITE, DEFAULT -> openReadWrite(path);
      case COPY -> {
        try {
          yield FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
          // Not writable (EACCES, or EPERM for an immutable file): a private map of a read-only
          // channel needs mmap(2) itself, see ofPath.
          yield FileChannel.open(path, StandardOpenOption.READ);
        }
      }
    };
  }

  private static FileChannel openReadWrite(Path path) throws IOException {
    try {
      return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (AccessDeniedException e) {
      throw Errors.permission();
    }
  }

  /**
   * Validates the arguments in CPython's order and maps the file. Length 0 maps from {@code offset}
   * to the end; the file is never extended.
   *
   * @param path the file the channel was opened from, or null for a borrowed channel
   */
  public static Mapping map(
      FileChannel channel, Path path, long length, Access access, long offset, int granularity)
      throws IOException {
    if (length < 0) {
      throw Errors.lengthNegative(length);
    }
    if (offset < 0) {
      throw Errors.offsetNegative(offset);
    }
    if (!channel.isOpen()) {
      throw Errors.os(Errno.EBADF);
    }
    long fileSize = channel.size();
    if (length == 0) {
      if (fileSize == 0) {
        throw Errors.emptyFile();
      }
      if (offset >= fileSize) {
        throw Errors.offsetBeyondFile(offset, fileSize);
      }
      length = fileSize - offset;
    } else if (offset > fileSize || fileSize - offset < length) {
      throw Errors.lengthBeyondFile(length, offset, fileSize);
    }
    if (offset % granularity != 0) {
      throw Errors.unalignedOffset(offset, granularity);
    }
    return map(channel, path, mapMode(access), offset, length);
  }

  private static FileChannel.MapMode mapMode(Access access) {
    return switch (access) {
      case READ -> FileChannel.MapMode.READ_ONLY;
      case WRITE, DEFAULT -> FileChannel.MapMode.READ_WRITE;
      case COPY -> FileChannel.MapMode.PRIVATE;
    };
  }

  /**
   * Maps {@code length} bytes of the file from {@code offset}, with no checks.
   *
   * @param mode READ_ONLY, READ_WRITE (shared) or PRIVATE (copy-on-write)
   * @param path the file the channel was opened from, or null for a borrowed channel
   */
  static Mapping map(
      FileChannel channel, Path path, FileChannel.MapMode mode, long offset, long length)
      throws IOException {
    if (NativeOs.available()) {
      return path != null
          ? ofPath(path, mode, offset, length)
          : ofChannelConfined(channel, mode, offset, length);
    }
    Arena arena = Arena.ofShared();
    boolean done = false;
    try {
      MemorySegment segment = mapSegment(channel, mode, offset, length, arena);
      done = true;
      Mapping.Remap remap =
          mode == FileChannel.MapMode.PRIVATE
              ? null // a second private map would not show this one's private changes
              : (from, count, viewArena) -> channel.map(mode, offset + from, count, viewArena);
      return new Mapping(arena::close, segment, length, false, remap);
    } finally {
      if (!done) {
        arena.close();
      }
    }
  }

  private static Mapping ofPath(Path path, FileChannel.MapMode mode, long offset, long length)
      throws IOException {
    boolean shared = mode != FileChannel.MapMode.PRIVATE;
    boolean writable = mode != FileChannel.MapMode.READ_ONLY;
    MemorySegment segment =
        NativeOs.mapFile(
            path.toAbsolutePath().toString(), writable && shared, writable, shared, offset, length);
    long address = segment.address();
    return new Mapping(
        () -> NativeOs.unmap(address, length), readOnlyIf(mode, segment), length, true, null);
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
    return new Mapping(release, readOnlyIf(mode, unscoped), length, true, null);
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
      // The JDK makes private maps only from channels open for writing; CPython's ACCESS_COPY
      // also works on a read-only file, which takes an mmap(2) downcall (see ofPath).
      throw mode == FileChannel.MapMode.PRIVATE
          ? Errors.copyOfReadOnlyChannel(NativeOs.available())
          : Errors.permission();
    } catch (IOException e) {
      // FileChannel.map reports ENOMEM from mmap(2) as "Map failed" (an OutOfMemoryError cause)
      // after a System.gc() and a retry; CPython says "[Errno 12] Cannot allocate memory".
      if (e.getCause() instanceof OutOfMemoryError) {
        throw Errors.os(Errno.ENOMEM);
      }
      // e.g. a directory: the JDK says "No such device", CPython "[Errno 19] No such device".
      int errno = Errno.fromText(e.getMessage());
      if (errno < 0) {
        throw e;
      }
      throw Errors.os(errno);
    }
  }
}
