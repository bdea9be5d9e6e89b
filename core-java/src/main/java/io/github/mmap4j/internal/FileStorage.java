package io.github.mmap4j.internal;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.MmapTruncatedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A map of a file: {@code mmap.mmap(fileno, …)}. Resizing changes the file's length to {@code
 * offset + newSize} and maps anew; the kernel's per-page flags that {@code madvise} sets are
 * tracked ({@link VmaFlags}) so growing fails where CPython's {@code mremap(2)} does.
 */
public final class FileStorage extends Storage {
  private final FileChannel channel;
  private final Path path; // null for a borrowed channel
  private final boolean ownsChannel;
  private final long offset;
  private final int pageSize;
  private final Object flagsLock = new Object(); // never held while waiting for anything
  private VmaFlags vmaFlags; // made by the first flag-changing advice

  private FileStorage(
      Mapping first, FileChannel channel, Path path, boolean ownsChannel, long offset, int page) {
    super(first);
    this.channel = channel;
    this.path = path;
    this.ownsChannel = ownsChannel;
    this.offset = offset;
    this.pageSize = page;
  }

  /**
   * Opens {@code path} and maps it; the storage owns the channel. If mapping fails, the channel is
   * closed again.
   */
  public static FileStorage open(Path path, long length, Access access, long offset, int pageSize)
      throws IOException {
    FileChannel channel = FileMaps.openChannel(path, access);
    boolean done = false;
    try {
      Mapping first = FileMaps.map(channel, path, length, access, offset, pageSize);
      FileStorage storage = new FileStorage(first, channel, path, true, offset, pageSize);
      done = true;
      return storage;
    } finally {
      if (!done) {
        channel.close();
      }
    }
  }

  /** Maps a borrowed channel, which the storage never closes. */
  public static FileStorage borrow(
      FileChannel channel, long length, Access access, long offset, int pageSize)
      throws IOException {
    Mapping first = FileMaps.map(channel, null, length, access, offset, pageSize);
    return new FileStorage(first, channel, null, false, offset, pageSize);
  }

  @Override
  public long offset() {
    return offset;
  }

  @Override
  public long size() throws IOException {
    try {
      return channel.size();
    } catch (ClosedChannelException e) {
      checkResizable(); // closed by our close() (the map says so) or by its owner
      throw e;
    }
  }

  @Override
  public void checkResizable() {
    if (!channel.isOpen()) {
      // close() closes an owned channel after the map: a map closed meanwhile says so first.
      gate().current();
      throw Errors.channelClosed();
    }
  }

  @Override
  public void resize(long newSize) throws IOException {
    gate().checkNoViewHere(true);
    synchronized (lock) {
      Mapping old = gate().current();
      if (newSize == 0) {
        throw Errors.resizeToZero(); // CPython truncates first: docs/semantics.md, hazard 4
      }
      long target = offset + newSize;
      long fileSize = channel.size();
      long oldPages = pages(old.length());
      long newPages = pages(newSize);
      if (newPages > oldPages && !isOneVma(oldPages)) {
        // CPython: ftruncate(2) succeeded, then mremap(2) refused a range split by madvise.
        setFileLength(fileSize, target);
        throw Errors.os(Errno.EFAULT);
      }
      if (target > fileSize) {
        extendFile(target);
      }
      Mapping next;
      try {
        next = FileMaps.map(channel, path, FileChannel.MapMode.READ_WRITE, offset, newSize);
      } catch (IOException | RuntimeException e) {
        if (target > fileSize) {
          channel.truncate(fileSize);
        }
        throw e;
      }
      switchTo(old, next);
      if (target < fileSize) {
        channel.truncate(target); // only now: no page of the new map is lost
      }
      forgetFlagsBeyond(Math.min(newPages, oldPages), newPages != oldPages);
    }
  }

  private long pages(long bytes) {
    return (bytes + pageSize - 1) / pageSize;
  }

  private void setFileLength(long fileSize, long target) throws IOException {
    if (target > fileSize) {
      extendFile(target);
    } else if (target < fileSize) {
      channel.truncate(target); // the map ends at or below target: no page of it is lost
    }
  }

  private void extendFile(long target) throws IOException {
    try {
      channel.write(ByteBuffer.wrap(new byte[1]), target - 1);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("File too large") || message.contains("Invalid argument")) {
        throw Errors.os(Errno.EFBIG);
      }
      throw e;
    }
  }

  @Override
  public void flush(Mapping m, long offset, long size) throws IOException {
    m.force(offset, size);
  }

  @Override
  public void madvise(Mapping m, Madvise option, long start, long count) throws IOException {
    Advice.file(m, option, start, count);
    if (count > 0 && VmaFlags.changesFlags(option)) {
      synchronized (flagsLock) { // not `lock`: close() may hold it waiting for this operation
        if (vmaFlags == null) {
          vmaFlags = new VmaFlags();
        }
        vmaFlags.advise(option, start / pageSize, pages(start + count));
      }
    }
  }

  private boolean isOneVma(long pages) {
    synchronized (flagsLock) {
      return vmaFlags == null || vmaFlags.isOneVma(pages);
    }
  }

  /**
   * After a resize: pages from {@code pages} on are new. Growing forgets past the old end too:
   * mremap(2) extends the last VMA, so new pages take the last page's flags.
   */
  private void forgetFlagsBeyond(long pages, boolean sizeChanged) {
    synchronized (flagsLock) {
      if (vmaFlags != null && sizeChanged) {
        vmaFlags.truncate(pages);
      }
    }
  }

  @Override
  void releaseResources() {
    if (ownsChannel) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing was written through the channel (maps write through memory): nothing is lost.
      }
    }
  }

  @Override
  MmapTruncatedException truncated(InternalError fault, Mapping m) {
    String now;
    try {
      now = channel.size() + " bytes";
    } catch (IOException | RuntimeException sizeFailure) {
      now = "unknown"; // a borrowed channel its owner closed
    }
    return Errors.truncated(fault, offset, m.length(), now);
  }
}
