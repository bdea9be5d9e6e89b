package io.github.mmap4j.internal;

import io.github.mmap4j.Access;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opening and mapping files the way CPython's {@code mmap.mmap(fileno, …)} constructor does. */
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
          // channel needs mmap(2) itself, see Mapping.
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
   * Validates the arguments in CPython's order ({@code new_mmap_object}) and maps the file. Length
   * 0 maps from {@code offset} to the end; the file is never extended.
   *
   * @param path the file the channel was opened from, or null for a borrowed channel
   */
  public static Mapping map(
      FileChannel channel, Path path, long length, Access access, long offset, int granularity)
      throws IOException {
    if (length < 0) {
      throw Errors.invalid("memory mapped length must be positive");
    }
    if (offset < 0) {
      throw Errors.invalid("memory mapped offset must be positive");
    }
    if (!channel.isOpen()) {
      throw Errors.os(Errno.EBADF);
    }
    long fileSize = channel.size();
    if (length == 0) {
      if (fileSize == 0) {
        throw Errors.invalid("cannot mmap an empty file");
      }
      if (offset >= fileSize) {
        throw Errors.invalid("mmap offset is greater than file size");
      }
      length = fileSize - offset;
    } else if (offset > fileSize || fileSize - offset < length) {
      throw Errors.invalid("mmap length is greater than file size");
    }
    if (offset % granularity != 0) {
      throw Errors.os(Errno.EINVAL);
    }
    return Mapping.ofFile(channel, path, mapMode(access), offset, length);
  }

  private static FileChannel.MapMode mapMode(Access access) {
    return switch (access) {
      case READ -> FileChannel.MapMode.READ_ONLY;
      case WRITE, DEFAULT -> FileChannel.MapMode.READ_WRITE;
      case COPY -> FileChannel.MapMode.PRIVATE;
    };
  }
}
