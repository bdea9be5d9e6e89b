package io.github.mmap4j;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * {@link Mmap#outputStream()}: writes at the map's own position and advances it. A write that does
 * not fit before the end writes nothing (the map's all-or-nothing {@link Mmap#write}) and throws
 * {@link IOException}. Closing the stream leaves the map open.
 */
final class MmapOutputStream extends OutputStream {
  private final Mmap map;
  private final byte[] single = new byte[1];
  private volatile boolean closed;

  MmapOutputStream(Mmap map) {
    this.map = map;
  }

  @Override
  public void write(int b) throws IOException {
    single[0] = (byte) b;
    write(single, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    try {
      if (len == 0) {
        map.tell(); // nothing to write, but a closed map still says so
        return;
      }
      map.write(ByteBuffer.wrap(b, off, len));
    } catch (IndexOutOfBoundsException e) {
      throw ViewErrors.noRoom(e);
    } catch (RuntimeException e) {
      throw ViewErrors.forStream(map, e);
    }
  }

  /**
   * Does nothing: each write is in the map's memory when it returns, where other maps of the file
   * and readers of the file see it ({@link Mmap#flush()} is what forces it to the disk).
   */
  @Override
  public void flush() {}

  /** Closes this view only; the map stays open. */
  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw ViewErrors.streamClosed();
    }
  }
}
