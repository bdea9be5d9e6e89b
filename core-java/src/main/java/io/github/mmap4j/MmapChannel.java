package io.github.mmap4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * {@link Mmap#channel()}: a {@link SeekableByteChannel} whose position is the map's own and whose
 * size is the map's length. The map never grows through it: a write that does not fit writes
 * nothing and throws {@link IOException}, and {@link #truncate} below the length is unsupported.
 * Closing the channel leaves the map open. Its operations exclude one another (one read or write at
 * a time, as channels promise); the map and its other views do not take part in that.
 */
final class MmapChannel implements SeekableByteChannel {
  private final Mmap map;
  private final Object lock = new Object();
  private volatile boolean open = true;

  MmapChannel(Mmap map) {
    this.map = map;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    synchronized (lock) {
      ensureOpen();
      return ViewErrors.onChannel(map, () -> map.read(dst));
    }
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    synchronized (lock) {
      ensureOpen();
      if (!map.access().writable()) {
        throw new NonWritableChannelException();
      }
      try {
        return map.write(src);
      } catch (IndexOutOfBoundsException e) {
        throw ViewErrors.noRoom(e);
      } catch (RuntimeException e) {
        throw ViewErrors.forChannel(map, e);
      }
    }
  }

  @Override
  public long position() throws IOException {
    synchronized (lock) {
      ensureOpen();
      return ViewErrors.onChannel(map, () -> map.tell());
    }
  }

  /**
   * Moves the map's position; past the end too, as the interface allows (reads there give -1 and
   * writes fail).
   */
  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    synchronized (lock) {
      ensureOpen();
      if (newPosition < 0) {
        throw new IllegalArgumentException("negative position: " + newPosition);
      }
      try {
        map.setPosition(newPosition);
      } catch (RuntimeException e) {
        throw ViewErrors.forChannel(map, e);
      }
      return this;
    }
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return ViewErrors.onChannel(map, () -> map.length());
  }

  /**
   * As the interface says for a size at or above the current one: nothing changes, except that a
   * position beyond {@code size} moves to it. Truncating the map itself is unsupported.
   */
  @Override
  public SeekableByteChannel truncate(long size) throws IOException {
    synchronized (lock) {
      ensureOpen();
      if (size < 0) {
        throw new IllegalArgumentException("negative size: " + size);
      }
      if (!map.access().writable()) {
        throw new NonWritableChannelException();
      }
      try {
        long length = map.length();
        if (size < length) {
          throw ViewErrors.cannotTruncate(size, length);
        }
        if (map.tell() > size) {
          map.setPosition(size);
        }
      } catch (RuntimeException e) { // the UnsupportedOperationException passes unchanged
        throw ViewErrors.forChannel(map, e);
      }
      return this;
    }
  }

  /** Open until closed itself or its map is closed. */
  @Override
  public boolean isOpen() {
    return open && !map.isClosed();
  }

  /** Closes this view only; the map stays open. */
  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
