package io.github.mmap4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * {@link Mmap#inputStream()}: reads from the map's own position and advances it, so the map, its
 * other views and this stream move one position. Closing the stream leaves the map open.
 */
final class MmapInputStream extends InputStream {
  /** What one step of {@link #transferTo} moves: large enough that the per-call cost vanishes. */
  private static final int TRANSFER_CHUNK = 1 << 18;

  /** The largest array the JDK's own {@code readAllBytes} is willing to make. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final Mmap map;
  private final byte[] single = new byte[1];
  private volatile boolean closed;
  private long mark = -1;

  MmapInputStream(Mmap map) {
    this.map = map;
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : Byte.toUnsignedInt(single[0]);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    return ViewErrors.onStream(map, () -> map.read(b, off, len));
  }

  @Override
  public byte[] readAllBytes() throws IOException {
    ensureOpen();
    try {
      if (remaining() > MAX_ARRAY) {
        throw new OutOfMemoryError("Required array size too large");
      }
      return map.read();
    } catch (RuntimeException e) {
      throw ViewErrors.forStream(map, e);
    }
  }

  @Override
  public byte[] readNBytes(int len) throws IOException {
    if (len < 0) {
      throw new IllegalArgumentException("len < 0");
    }
    ensureOpen();
    return ViewErrors.onStream(map, () -> map.read(len));
  }

  /** Skips forward only, and never past the end: 0 for {@code n <= 0} and at or after the end. */
  @Override
  public long skip(long n) throws IOException {
    ensureOpen();
    if (n <= 0) {
      return 0;
    }
    try {
      long position = map.tell();
      long skipped = Math.min(n, Math.max(map.length() - position, 0));
      map.setPosition(position + skipped);
      return skipped;
    } catch (RuntimeException e) {
      throw ViewErrors.forStream(map, e);
    }
  }

  /** The bytes from the position to the end, at most {@code Integer.MAX_VALUE}. */
  @Override
  public int available() throws IOException {
    ensureOpen();
    return ViewErrors.onStream(map, () -> (int) Math.min(remaining(), Integer.MAX_VALUE));
  }

  private long remaining() {
    return Math.max(map.length() - map.tell(), 0);
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  /** Remembers the position; the read limit does not matter, as nothing is buffered. */
  @Override
  public void mark(int readLimit) {
    if (closed) {
      return;
    }
    try {
      mark = map.tell();
    } catch (IllegalStateException e) {
      // mark cannot throw: a closed map shows at the next read or reset.
    }
  }

  /** Moves the position back to the mark (past the end if the map shrank since: reads give -1). */
  @Override
  public void reset() throws IOException {
    ensureOpen();
    if (mark < 0) {
      throw new IOException("Resetting to invalid mark");
    }
    try {
      map.setPosition(mark);
    } catch (RuntimeException e) {
      throw ViewErrors.forStream(map, e);
    }
  }

  /** Copies the rest of the map to {@code out} in chunks of {@value #TRANSFER_CHUNK} bytes. */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    ensureOpen();
    long total = 0;
    byte[] chunk = new byte[Math.clamp(remainingOrZero(), 1, TRANSFER_CHUNK)];
    for (int n; (n = read(chunk, 0, chunk.length)) >= 0; ) {
      out.write(chunk, 0, n);
      total += n;
    }
    return total;
  }

  private long remainingOrZero() throws IOException {
    return ViewErrors.onStream(map, () -> remaining());
  }

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
