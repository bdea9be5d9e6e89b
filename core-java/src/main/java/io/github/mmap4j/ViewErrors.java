package io.github.mmap4j;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * What the stream and channel views throw instead of the map's unchecked exceptions, as {@code
 * InputStream}, {@code OutputStream} and {@code SeekableByteChannel} callers expect: a closed map
 * is an {@link IOException} (a {@link ClosedChannelException} for the channel), a file truncated
 * under the map an {@link IOException} caused by the {@link MmapTruncatedException}. Every other
 * exception passes unchanged.
 */
final class ViewErrors {
  private ViewErrors() {}

  /** A call into the map from a view. */
  @FunctionalInterface
  interface MapCall<T> {
    T call();
  }

  /** Runs {@code call} for a stream over {@code map}, translating its failures. */
  static <T> T onStream(Mmap map, MapCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw forStream(map, e);
    }
  }

  /** Runs {@code call} for a channel over {@code map}, translating its failures. */
  static <T> T onChannel(Mmap map, MapCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw forChannel(map, e);
    }
  }

  /** A view that was itself closed: {@code Stream closed}, as the JDK's streams say. */
  static IOException streamClosed() {
    return new IOException("Stream closed");
  }

  /** The checked form of {@code failure} for a stream over {@code map}, or {@code failure}. */
  static IOException forStream(Mmap map, RuntimeException failure) {
    if (failure instanceof MmapTruncatedException
        || (failure instanceof IllegalStateException && map.isClosed())) {
      return new IOException(failure.getMessage(), failure);
    }
    throw failure;
  }

  /** The checked form of {@code failure} for a channel over {@code map}, or {@code failure}. */
  static IOException forChannel(Mmap map, RuntimeException failure) {
    if (failure instanceof IllegalStateException && map.isClosed()) {
      ClosedChannelException closed = new ClosedChannelException();
      closed.initCause(failure);
      return closed;
    }
    return forStream(map, failure);
  }

  /**
   * A write that does not fit, checked: the map's {@code data out of range} message, which carries
   * the figures. Nothing was written.
   */
  static IOException noRoom(IndexOutOfBoundsException failure) {
    return new IOException(failure.getMessage(), failure);
  }

  /** {@code SeekableByteChannel.truncate} below the map's length: a map resizes with resize. */
  static UnsupportedOperationException cannotTruncate(long size, long length) {
    return new UnsupportedOperationException(
        "a map's channel cannot truncate it; use Mmap.resize (size "
            + size
            + ", length "
            + length
            + ")");
  }
}
