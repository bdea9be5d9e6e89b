package io.github.mmap4j;

import io.github.mmap4j.internal.AnonymousStorage;
import io.github.mmap4j.internal.Errors;
import io.github.mmap4j.internal.FaultBarrier;
import io.github.mmap4j.internal.FileStorage;
import io.github.mmap4j.internal.Gate;
import io.github.mmap4j.internal.Mapping;
import io.github.mmap4j.internal.PageSize;
import io.github.mmap4j.internal.Platform;
import io.github.mmap4j.internal.Presence;
import io.github.mmap4j.internal.PythonSlice;
import io.github.mmap4j.internal.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.function.Function;

/**
 * A memory-mapped file or anonymous memory with the semantics of CPython's {@code mmap.mmap}:
 * file-like ({@link #read}, {@link #readLine}, {@link #write}, {@link #seek}) and sequence-like
 * ({@link #get}, {@link #slice}, {@link #find}), with CPython's bounds rules and error messages.
 *
 * <p>Maps of any size work (beyond 2 GiB and at offsets beyond 4 GiB); indices are {@code long}.
 * Errors map from CPython's as follows: {@code mmap closed or invalid} is an {@link
 * IllegalStateException}; index and position errors are {@link IndexOutOfBoundsException}s; other
 * {@code ValueError}s and {@code OverflowError}s are {@link IllegalArgumentException}s; writing to
 * a read-only map is an {@link UnsupportedOperationException}; errors from the OS are {@link
 * IOException}s whose message names the errno, e.g. {@code [Errno 22] Invalid argument}. Every
 * message starts with CPython's words exactly; the figures CPython leaves out follow in
 * parentheses, e.g. {@code mmap index out of range (index -100, length 67)}, so compare messages
 * with {@code startsWith}.
 *
 * <p><b>Threads.</b> Like a {@code RandomAccessFile}, a map has one position and is not meant for
 * unsynchronized concurrent use of it; absolute reads ({@link #get}, {@link #slice}, {@link #find}
 * with bounds) from many threads are fine and scale. {@link #close()} and {@link #resize} from any
 * thread are always safe: operations in flight complete or fail with {@code
 * IllegalStateException("mmap closed or invalid")}, and the memory is unmapped only once no
 * operation is inside it.
 *
 * <p><b>Note:</b> if the file is truncated below the end of a live map (by another channel, another
 * map's {@code resize}, or another process), operations that touch the lost pages throw {@link
 * MmapTruncatedException} (CPython dies of {@code SIGBUS} there).
 */
public final class Mmap implements AutoCloseable {
  /** The OS page size, read at class initialization ({@code sysconf(_SC_PAGESIZE)}). */
  public static final int PAGESIZE = PageSize.detect();

  /** The alignment required of {@code offset}; equals {@link #PAGESIZE} on Linux. */
  public static final int ALLOCATIONGRANULARITY = PAGESIZE;

  private static final byte[] EMPTY = new byte[0];

  private final Access access;
  private final Storage storage;
  private final Gate gate;
  private long pos;

  private Mmap(Storage storage, Access access) {
    this.access = access;
    this.storage = storage;
    this.gate = storage.gate();
    storage.releaseWhenUnreachable(this);
  }

  // --- construction -----------------------------------------------------------------------------

  /**
   * Maps the whole file read-only. Like {@code mmap.mmap(f.fileno(), 0, access=ACCESS_READ)} on a
   * file opened {@code rb}.
   *
   * @param path the file
   * @return the map, which owns the channel it opened
   * @throws IOException if the file cannot be opened or mapped
   * @throws IllegalArgumentException if the file is empty ({@code cannot mmap an empty file})
   */
  public static Mmap open(Path path) throws IOException {
    return open(path, 0, Access.READ, 0);
  }

  /**
   * Maps the whole file with the given access; see {@link #open(Path, long, Access, long)}.
   *
   * @param path the file
   * @param access how the map may be used
   * @return the map
   * @throws IOException as {@link #open(Path, long, Access, long)}
   */
  public static Mmap open(Path path, Access access) throws IOException {
    return open(path, 0, access, 0);
  }

  /**
   * Maps {@code length} bytes (0 = to the end); see {@link #open(Path, long, Access, long)}.
   *
   * @param path the file
   * @param length bytes to map; 0 maps the whole file
   * @param access how the map may be used
   * @return the map
   * @throws IOException as {@link #open(Path, long, Access, long)}
   */
  public static Mmap open(Path path, long length, Access access) throws IOException {
    return open(path, length, access, 0);
  }

  /**
   * Opens {@code path} and maps {@code length} bytes of it from {@code offset}. The map owns the
   * channel it opens (read-only for READ, read-write for WRITE and DEFAULT; for COPY read-write if
   * the file allows it, else read-only) and closes it on {@link #close()}.
   *
   * @param path the file
   * @param length bytes to map; 0 maps from {@code offset} to the end of the file
   * @param access how the map may be used
   * @param offset where the map starts in the file; a multiple of {@link #ALLOCATIONGRANULARITY}
   * @return the map
   * @throws IllegalArgumentException for a negative length or offset, an empty file, or a range
   *     beyond the end of the file (CPython's messages; the file is never extended)
   * @throws IOException if the file cannot be opened, {@code [Errno 22] Invalid argument} for an
   *     unaligned offset, {@code [Errno 13] Permission denied} for WRITE/DEFAULT on a read-only
   *     file
   */
  public static Mmap open(Path path, long length, Access access, long offset) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    return new Mmap(FileStorage.open(path, length, access, offset, ALLOCATIONGRANULARITY), access);
  }

  /**
   * Maps the whole file with access DEFAULT; see {@link #map(FileChannel, long, Access, long)}.
   *
   * @param channel the open file; borrowed, never closed by the map
   * @param length bytes to map; 0 maps the whole file
   * @return the map
   * @throws IOException as {@link #map(FileChannel, long, Access, long)}
   */
  public static Mmap map(FileChannel channel, long length) throws IOException {
    return map(channel, length, Access.DEFAULT, 0);
  }

  /**
   * Maps from offset 0; see {@link #map(FileChannel, long, Access, long)}.
   *
   * @param channel the open file; borrowed, never closed by the map
   * @param length bytes to map; 0 maps the whole file
   * @param access how the map may be used
   * @return the map
   * @throws IOException as {@link #map(FileChannel, long, Access, long)}
   */
  public static Mmap map(FileChannel channel, long length, Access access) throws IOException {
    return map(channel, length, access, 0);
  }

  /**
   * Maps {@code length} bytes of an open channel from {@code offset}: {@code mmap.mmap(fileno,
   * length, access=…, offset=…)}. The channel is borrowed, never closed by the map; data access
   * keeps working after its owner closes it (then {@link #size()} and {@link #resize} throw {@link
   * IllegalStateException}).
   *
   * @param channel the open file
   * @param length bytes to map; 0 maps from {@code offset} to the end of the file
   * @param access how the map may be used
   * @param offset where the map starts in the file; a multiple of {@link #ALLOCATIONGRANULARITY}
   * @return the map
   * @throws IllegalArgumentException as for {@link #open(Path, long, Access, long)}
   * @throws IOException {@code [Errno 9] Bad file descriptor} for a closed channel, {@code [Errno
   *     13] Permission denied} when the channel's mode does not allow the access, {@code [Errno 22]
   *     Invalid argument} for an unaligned offset
   */
  public static Mmap map(FileChannel channel, long length, Access access, long offset)
      throws IOException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(access, "access");
    return new Mmap(
        FileStorage.borrow(channel, length, access, offset, ALLOCATIONGRANULARITY), access);
  }

  /**
   * Zero-filled anonymous memory with access DEFAULT: {@code mmap.mmap(-1, length)}.
   *
   * @param length bytes, at least 1
   * @return the map
   * @throws UncheckedIOException as {@link #anonymous(long, Access)}
   */
  public static Mmap anonymous(long length) {
    return anonymous(length, Access.DEFAULT);
  }

  /**
   * Zero-filled memory with no file behind it: {@code mmap.mmap(-1, length, access=…)}. Pages take
   * memory only once touched. It can shrink but never grow (CPython: {@code can't expand a shared
   * anonymous mapping}).
   *
   * @param length bytes, at least 1
   * @param access how the map may be used (COPY is private memory, the others shared)
   * @return the map
   * @throws IllegalArgumentException for a negative length
   * @throws UncheckedIOException wrapping {@code [Errno 22] Invalid argument} for length 0, or
   *     {@code [Errno 12] Cannot allocate memory}
   */
  public static Mmap anonymous(long length, Access access) {
    Objects.requireNonNull(access, "access");
    if (length < 0) {
      throw Errors.lengthNegative(length);
    }
    try {
      if (length == 0) {
        throw Errors.anonymousLengthZero();
      }
      return new Mmap(AnonymousStorage.allocate(length, access, PAGESIZE), access);
    } catch (IOException e) {
      throw Errors.unchecked(e);
    }
  }

  private void checkWritable() {
    if (!access.writable()) {
      throw Errors.readOnly();
    }
  }

  // --- file-like
  // ----------------------------------------------------------------------------------

  /**
   * Reads from the position to the end and moves the position there; like {@code m.read()}.
   *
   * @return the bytes, possibly none
   * @throws IllegalStateException if the map is closed
   */
  public byte[] read() {
    return read(-1);
  }

  /**
   * Reads up to {@code n} bytes from the position and advances it; like {@code m.read(n)}. Fewer
   * bytes come back at the end of the map, none after it.
   *
   * @param n how many bytes at most; negative means the rest, like {@code read(-1)}
   * @return the bytes
   * @throws IllegalStateException if the map is closed
   */
  public byte[] read(long n) {
    return gate.call(m -> {
      long remaining = Math.max(m.length() - pos, 0);
      long count = n < 0 ? remaining : Math.min(n, remaining);
      byte[] out = m.copyOut(pos, count);
      pos += count;
      return out;
    });
  }

  /**
   * Reads up to {@code len} bytes from the position into {@code dst[off..off+len)} and advances the
   * position; like {@code RandomAccessFile.read(byte[], int, int)}, without allocating.
   *
   * @param dst where the bytes go
   * @param off the first index of {@code dst} written
   * @param len how many bytes at most
   * @return the number of bytes read, 0 if {@code len} is 0, or -1 if the position is at or after
   *     the end of the map
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit {@code dst}
   * @throws IllegalStateException if the map is closed
   */
  public int read(byte[] dst, int off, int len) {
    Objects.requireNonNull(dst, "dst");
    return (int)
        gate.callLong(m -> {
          Objects.checkFromIndexSize(off, len, dst.length);
          int count = readableCount(m, len);
          if (count > 0) {
            m.copyOut(pos, dst, off, count);
            pos += count;
          }
          return count;
        });
  }

  /**
   * Reads from the position into {@code dst}'s remaining bytes, as {@link #read(byte[], int, int)}
   * does, and advances both positions.
   *
   * @param dst where the bytes go
   * @return the number of bytes read, 0 if {@code dst} has no room, or -1 at the end of the map
   * @throws ReadOnlyBufferException if {@code dst} is read-only
   * @throws IllegalStateException if the map is closed
   */
  public int read(ByteBuffer dst) {
    Objects.requireNonNull(dst, "dst");
    return (int)
        gate.callLong(m -> {
          if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
          }
          int count = readableCount(m, dst.remaining());
          if (count > 0) {
            m.copyOut(pos, dst, count);
            dst.position(dst.position() + count);
            pos += count;
          }
          return count;
        });
  }

  /** How many of {@code len} bytes a read at the position gets: 0 if none asked, -1 at the end. */
  private int readableCount(Mapping m, int len) {
    long remaining = m.length() - pos;
    if (len == 0) {
      return 0;
    }
    return remaining <= 0 ? -1 : (int) Math.min(len, remaining);
  }

  /**
   * Reads the byte at the position as 0..255 and advances it; like {@code m.read_byte()}.
   *
   * @return the byte, 0..255
   * @throws IndexOutOfBoundsException {@code read byte out of range} at or after the end
   * @throws IllegalStateException if the map is closed
   */
  public int readByte() {
    // The access protocol inlined by hand, not gate.call: ReadByteBenchmark / workload W6 measure
    // every instruction of this path (docs/ARCHITECTURE.md, "hot paths").
    Presence presence = gate.presence();
    Mapping m = gate.enter(presence);
    try {
      long p = pos;
      if (p >= m.length()) {
        throw Errors.readByteOutOfRange(p, m.length());
      }
      int value = m.byteAt(p);
      FaultBarrier.poll();
      pos = p + 1;
      return value;
    } catch (InternalError e) {
      throw gate.fault(e, m);
    } finally {
      gate.leave(presence, m);
    }
  }

  /**
   * Reads from the position up to and including the next {@code '\n'} (or to the end) and advances
   * the position; like {@code m.readline()}. Only {@code '\n'} ends a line.
   *
   * @return the line with its {@code '\n'}, or an empty array at the end
   * @throws IllegalStateException if the map is closed
   */
  public byte[] readLine() {
    // Inlined access protocol: workload W5 (ReadLineBenchmark) pays every nanosecond per line, and
    // through gate.call the JIT keeps the lambda once that call site has seen many operations.
    Presence presence = gate.presence();
    Mapping m = gate.enter(presence);
    try {
      long p = pos;
      if (p >= m.length()) {
        return EMPTY;
      }
      long end = m.lineEnd(p);
      byte[] line = m.copyOut(p, end - p);
      FaultBarrier.poll();
      pos = end;
      return line;
    } catch (InternalError e) {
      throw gate.fault(e, m);
    } finally {
      gate.leave(presence, m);
    }
  }

  /**
   * Writes all of {@code data} at the position and advances it; like {@code m.write(data)}. All or
   * nothing: if the data does not fit, nothing is written and the position stays.
   *
   * @param data the bytes
   * @return {@code data.length}
   * @throws UnsupportedOperationException on a READ map (even for empty data)
   * @throws IndexOutOfBoundsException {@code data out of range} if it does not fit
   * @throws IllegalStateException if the map is closed
   */
  public int write(byte[] data) {
    Objects.requireNonNull(data, "data");
    return (int)
        gate.callLong(m -> {
          checkWritable();
          checkFits(m, data.length);
          m.copyIn(pos, data);
          pos += data.length;
          return data.length;
        });
  }

  /**
   * Writes all of {@code src}'s remaining bytes at the position and advances both positions, like
   * {@link #write(byte[])}: all or nothing.
   *
   * @param src the bytes from its position to its limit
   * @return the number of bytes written
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code data out of range} if they do not fit
   * @throws IllegalStateException if the map is closed
   */
  public int write(ByteBuffer src) {
    Objects.requireNonNull(src, "src");
    return (int)
        gate.callLong(m -> {
          checkWritable();
          int count = src.remaining();
          checkFits(m, count);
          m.copyIn(pos, src, count);
          src.position(src.position() + count);
          pos += count;
          return count;
        });
  }

  private void checkFits(Mapping m, long count) {
    long n = m.length();
    if (pos > n || n - pos < count) {
      throw Errors.dataOutOfRange(pos, count, n);
    }
  }

  /**
   * Writes one byte at the position and advances it; like {@code m.write_byte(value)}.
   *
   * @param value 0..255
   * @throws IllegalArgumentException {@code unsigned byte integer is greater than maximum} / {@code
   *     … less than minimum} (checked before the read-only rule, as CPython converts arguments
   *     first)
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code write byte out of range} at or after the end
   * @throws IllegalStateException if the map is closed
   */
  public void writeByte(int value) {
    // Inlined access protocol: ReadByteBenchmark.writeByteLoop / workload W7.
    Presence presence = gate.presence();
    Mapping m = gate.enter(presence);
    try {
      byte b = unsignedByte(value);
      checkWritable();
      long p = pos;
      if (p >= m.length()) {
        throw Errors.writeByteOutOfRange(p, m.length());
      }
      m.putByte(p, b);
      FaultBarrier.poll();
      pos = p + 1;
    } catch (InternalError e) {
      throw gate.fault(e, m);
    } finally {
      gate.leave(presence, m);
    }
  }

  private static byte unsignedByte(int value) {
    if (value > 255) {
      throw Errors.byteTooBig(value);
    }
    if (value < 0) {
      throw Errors.byteTooSmall(value);
    }
    return (byte) value;
  }

  /**
   * Moves the position to {@code pos}; like {@code m.seek(pos)}.
   *
   * @param pos the new position, 0..{@link #length()}
   * @return the new position
   * @throws IndexOutOfBoundsException {@code seek out of range}
   * @throws IllegalStateException if the map is closed
   */
  public long seek(long pos) {
    return seek(pos, Whence.SET);
  }

  /**
   * Moves the position relative to the start, the position or the end; like {@code m.seek(pos,
   * whence)} (CPython 3.13+ returns the new position too). The end itself is a valid position.
   *
   * @param pos the distance from {@code whence}
   * @param whence what {@code pos} counts from
   * @return the new position
   * @throws IndexOutOfBoundsException {@code seek out of range} for a target below 0 or past the
   *     end; the position stays
   * @throws IllegalStateException if the map is closed
   */
  public long seek(long pos, Whence whence) {
    Objects.requireNonNull(whence, "whence");
    long length = gate.current().length();
    long base =
        switch (whence) {
          case SET -> 0;
          case CUR -> this.pos;
          case END -> length;
        };
    // base is never negative (0, the position or the length), so base + pos can only overflow for
    // a huge pos > 0, and then it wraps to a negative target: the one check below covers it.
    long target = base + pos;
    if (target < 0 || target > length) {
      throw Errors.seekOutOfRange(base, pos, length);
    }
    this.pos = target;
    return target;
  }

  /**
   * The position; like {@code m.tell()}. It can exceed {@link #length()} after a shrink.
   *
   * @return the position
   * @throws IllegalStateException if the map is closed
   */
  public long tell() {
    gate.current();
    return pos;
  }

  /**
   * Always true, also on a closed map; like {@code m.seekable()} (CPython 3.13+).
   *
   * @return true
   */
  public boolean seekable() {
    return true;
  }

  // --- sequence-like
  // ------------------------------------------------------------------------------

  /**
   * The map's length in bytes; like {@code len(m)}.
   *
   * @return the length
   * @throws IllegalStateException if the map is closed
   */
  public long length() {
    return gate.current().length();
  }

  /**
   * The byte at {@code index} as 0..255; like {@code m[index]}. Negative indices count from the
   * end.
   *
   * @param index the index; {@code -length()..length()-1}
   * @return the byte, 0..255
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public int get(long index) {
    // Inlined access protocol: ReadByteBenchmark.getLoop and the thread-scaling benchmarks.
    Presence presence = gate.presence();
    Mapping m = gate.enter(presence);
    try {
      long n = m.length();
      long i = index < 0 ? index + n : index;
      if (i < 0 || i >= n) {
        throw Errors.indexOutOfRange(index, n);
      }
      int value = m.byteAt(i);
      FaultBarrier.poll();
      return value;
    } catch (InternalError e) {
      throw gate.fault(e, m);
    } finally {
      gate.leave(presence, m);
    }
  }

  /**
   * Copies {@code len} bytes from {@code index} into {@code dst[off..off+len)}; the position does
   * not move. All or nothing, like {@code ByteBuffer.get(int, byte[], int, int)}.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @param dst where the bytes go
   * @param off the first index of {@code dst} written
   * @param len how many bytes
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + len > length()}, or if {@code off} and {@code len} do not fit {@code dst}
   * @throws IllegalStateException if the map is closed
   */
  public void get(long index, byte[] dst, int off, int len) {
    Objects.requireNonNull(dst, "dst");
    gate.run(m -> {
      Objects.checkFromIndexSize(off, len, dst.length);
      if (index < 0 || index > m.length() - len) {
        throw Errors.indexOutOfRange(index, len, m.length());
      }
      m.copyOut(index, dst, off, len);
    });
  }

  /**
   * Stores {@code src[off..off+len)} at {@code index}; the position does not move. All or nothing,
   * like {@code ByteBuffer.put(int, byte[], int, int)}; the counterpart of {@link #get(long,
   * byte[], int, int)}.
   *
   * @param index the first byte written; negative indices are not counted from the end here
   * @param src where the bytes come from
   * @param off the first index of {@code src} read
   * @param len how many bytes
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + len > length()}, or if {@code off} and {@code len} do not fit {@code src}
   * @throws IllegalStateException if the map is closed
   */
  public void set(long index, byte[] src, int off, int len) {
    Objects.requireNonNull(src, "src");
    gate.run(m -> {
      checkWritable();
      Objects.checkFromIndexSize(off, len, src.length);
      if (index < 0 || index > m.length() - len) {
        throw Errors.indexOutOfRange(index, len, m.length());
      }
      m.copyIn(index, src, off, len);
    });
  }

  /**
   * Stores {@code value} at {@code index}; like {@code m[index] = value}. Checks in CPython's
   * order: read-only, then the index, then the value. The position does not move.
   *
   * @param index the index; negative counts from the end
   * @param value 0..255
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException {@code mmap item value must be in range(0, 256)}
   * @throws IllegalStateException if the map is closed
   */
  public void set(long index, int value) {
    // Inlined access protocol: ReadByteBenchmark and workload W7's indexed twin.
    Presence presence = gate.presence();
    Mapping m = gate.enter(presence);
    try {
      checkWritable();
      long n = m.length();
      long i = index < 0 ? index + n : index;
      if (i < 0 || i >= n) {
        throw Errors.indexOutOfRange(index, n);
      }
      if (value < 0 || value > 255) {
        throw Errors.itemValue(value);
      }
      m.putByte(i, (byte) value);
      FaultBarrier.poll();
    } catch (InternalError e) {
      throw gate.fault(e, m);
    } finally {
      gate.leave(presence, m);
    }
  }

  /**
   * A copy of {@code m[start:stop]}, clamped as Python clamps slices.
   *
   * @param start the first index (negative counts from the end)
   * @param stop the index after the last (negative counts from the end)
   * @return the bytes
   * @throws IllegalStateException if the map is closed
   */
  public byte[] slice(long start, long stop) {
    return slice(start, stop, 1);
  }

  /**
   * A copy of {@code m[start:stop:step]} with Python's slice rules: negative bounds count from the
   * end, bounds clamp, {@code Long.MIN_VALUE}/{@code Long.MAX_VALUE} act as open ends ({@code
   * m[::-1]} is {@code slice(Long.MAX_VALUE, Long.MIN_VALUE, -1)}).
   *
   * @param start the first index
   * @param stop where the slice stops (excluded)
   * @param step the distance between indices, not 0
   * @return the bytes
   * @throws IllegalArgumentException {@code slice step cannot be zero}
   * @throws IllegalStateException if the map is closed
   */
  public byte[] slice(long start, long stop, long step) {
    return gate.call(m -> m.copyOut(PythonSlice.of(start, stop, step, m.length())));
  }

  /**
   * {@code m[start:stop] = value}; see {@link #setSlice(long, long, long, byte[])}.
   *
   * @param start the first index
   * @param stop where the slice stops (excluded)
   * @param value exactly as many bytes as the slice selects
   */
  public void setSlice(long start, long stop, byte[] value) {
    setSlice(start, stop, 1, value);
  }

  /**
   * {@code m[start:stop:step] = value}: stores {@code value} at the indices the slice selects.
   *
   * @param start the first index
   * @param stop where the slice stops (excluded)
   * @param step the distance between indices, not 0
   * @param value exactly as many bytes as the slice selects
   * @throws UnsupportedOperationException on a READ map
   * @throws IllegalArgumentException {@code slice step cannot be zero}, or {@code mmap slice
   *     assignment is wrong size} when {@code value} does not have exactly as many bytes
   * @throws IllegalStateException if the map is closed
   */
  public void setSlice(long start, long stop, long step, byte[] value) {
    Objects.requireNonNull(value, "value");
    gate.run(m -> {
      checkWritable();
      PythonSlice slice = PythonSlice.of(start, stop, step, m.length());
      if (slice.count() != value.length) {
        throw Errors.wrongSize(start, stop, step, slice.count(), value.length);
      }
      m.copyIn(slice, value);
    });
  }

  /**
   * A copy of the bytes at the indices of a Kotlin-style closed progression {@code first, first +
   * step, …, last} (what {@code m[13..27]} and {@code m[9 downTo 0 step 2]} mean in the Kotlin
   * DSL). Nothing clamps, unlike {@link #slice}: every index visited must exist. The progression
   * ends at the last index it visits ({@code (0, 1, 3)} is just index 0).
   *
   * @param first the first index
   * @param last the last index (included)
   * @param step the distance between indices, not 0
   * @return the bytes
   * @throws IndexOutOfBoundsException {@code mmap index out of range (…)} if an index is outside
   *     {@code 0..<length()}
   * @throws IllegalArgumentException {@code slice step cannot be zero}
   * @throws IllegalStateException if the map is closed
   */
  public byte[] sliceClosed(long first, long last, long step) {
    return gate.call(m -> m.copyOut(PythonSlice.closed(first, last, step, m.length())));
  }

  /**
   * Stores {@code value} at the indices of a closed progression; see {@link #sliceClosed}.
   *
   * @param first the first index
   * @param last the last index (included)
   * @param step the distance between indices, not 0
   * @param value exactly as many bytes as the progression visits
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException if an index is outside {@code 0..<length()}
   * @throws IllegalArgumentException {@code mmap slice assignment is wrong size (…)}, saying both
   *     sizes
   * @throws IllegalStateException if the map is closed
   */
  public void setSliceClosed(long first, long last, long step, byte[] value) {
    Objects.requireNonNull(value, "value");
    gate.run(m -> {
      checkWritable();
      PythonSlice slice = PythonSlice.closed(first, last, step, m.length());
      if (slice.count() != value.length) {
        throw Errors.wrongSizeClosed(first, last, step, slice.count(), value.length);
      }
      m.copyIn(slice, value);
    });
  }

  /**
   * {@code m.find(sub)}: searches from the position (not from 0) to the end.
   *
   * @param sub the bytes to find
   * @return the lowest index where {@code sub} starts, or -1
   * @throws IllegalStateException if the map is closed
   */
  public long find(byte[] sub) {
    return find(sub, pos, Long.MAX_VALUE);
  }

  /**
   * {@code m.find(sub, start)}.
   *
   * @param sub the bytes to find
   * @param start where the search starts (negative counts from the end)
   * @return the lowest index where {@code sub} starts, or -1
   * @throws IllegalStateException if the map is closed
   */
  public long find(byte[] sub, long start) {
    return find(sub, start, Long.MAX_VALUE);
  }

  /**
   * The lowest index {@code i >= start} with {@code sub} in {@code m[i:i+len(sub)]} and {@code i +
   * len(sub) <= end}, or -1; like {@code m.find(sub, start, end)}. Bounds count from the end when
   * negative and clamp to {@code [0, length()]}; an empty {@code sub} is found at {@code start}.
   * The position does not move. Linear time in the searched length.
   *
   * @param sub the bytes to find
   * @param start where the search starts
   * @param end where it ends (excluded)
   * @return the lowest index where {@code sub} starts, or -1
   * @throws IllegalStateException if the map is closed
   */
  public long find(byte[] sub, long start, long end) {
    Objects.requireNonNull(sub, "sub");
    return gate.callLong(m -> m.find(sub, start, end, true));
  }

  /**
   * {@code m.rfind(sub)}: searches from the position (not from 0) to the end.
   *
   * @param sub the bytes to find
   * @return the highest index where {@code sub} starts, or -1
   * @throws IllegalStateException if the map is closed
   */
  public long rfind(byte[] sub) {
    return rfind(sub, pos, Long.MAX_VALUE);
  }

  /**
   * {@code m.rfind(sub, start)}.
   *
   * @param sub the bytes to find
   * @param start where the search starts (negative counts from the end)
   * @return the highest index where {@code sub} starts, or -1
   * @throws IllegalStateException if the map is closed
   */
  public long rfind(byte[] sub, long start) {
    return rfind(sub, start, Long.MAX_VALUE);
  }

  /**
   * The highest such index, or -1; like {@code m.rfind(sub, start, end)}. An empty {@code sub} is
   * found at {@code end}. See {@link #find(byte[], long, long)}.
   *
   * @param sub the bytes to find
   * @param start where the search starts
   * @param end where it ends (excluded)
   * @return the highest index where {@code sub} starts, or -1
   * @throws IllegalStateException if the map is closed
   */
  public long rfind(byte[] sub, long start, long end) {
    Objects.requireNonNull(sub, "sub");
    return gate.callLong(m -> m.find(sub, start, end, false));
  }

  /**
   * Whether {@code needle} occurs anywhere in the map, whatever the position (Kotlin's {@code
   * needle in m}). An empty needle is always contained. Unlike Python's {@code x in m}, which
   * compares single items, this is a substring search.
   *
   * @param needle the bytes to find
   * @return whether they occur
   * @throws IllegalStateException if the map is closed
   */
  public boolean contains(byte[] needle) {
    return find(needle, 0, Long.MAX_VALUE) >= 0;
  }

  /**
   * The start indices of the non-overlapping occurrences of {@code needle} in the whole map,
   * ascending, found lazily; the position is neither used nor moved.
   *
   * @param needle the bytes to find, not empty
   * @return the indices
   * @throws IllegalArgumentException {@code empty needle}
   * @throws IllegalStateException if the map is closed (also later, from the iterator)
   */
  public PrimitiveIterator.OfLong findAllIndices(byte[] needle) {
    Objects.requireNonNull(needle, "needle");
    gate.current(); // a closed map reports that first, before any argument error
    if (needle.length == 0) {
      throw Errors.emptyNeedle();
    }
    return new Matches(this, needle.clone());
  }

  /**
   * The lines from the position on, each as {@link #readLine()} returns it, read lazily; iterating
   * advances the position. Ends at the end of the map.
   *
   * @return the lines
   */
  public Iterator<byte[]> lineIterator() {
    return new Lines(this);
  }

  // --- beyond CPython: signed bytes, typed words, atomic words, scoped views

  /**
   * The byte at {@code index} as Java's signed {@code byte} (what {@code (byte) get(index)} gives);
   * negative indices count from the end, as for {@link #get(long)}.
   *
   * @param index the index; {@code -length()..length()-1}
   * @return the byte, -128..127
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public byte getByte(long index) {
    return (byte) get(index);
  }

  /**
   * Stores a Java {@code byte} at {@code index}: its bits, so {@code (byte) 0xFF} is stored as 255.
   * {@link #set(long, int)} takes CPython's 0..255 instead and rejects {@code -1}; a Java {@code
   * byte} passed to it widens to a negative {@code int}. Negative indices count from the end.
   *
   * @param index the index; {@code -length()..length()-1}
   * @param value any byte
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public void setByte(long index, byte value) {
    set(index, Byte.toUnsignedInt(value));
  }

  /**
   * The 2 bytes at {@code index} as a {@code short}, little-endian (like {@code
   * struct.unpack_from('<…', m, index)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 2 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public short getShort(long index) {
    return getShort(index, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The 2 bytes at {@code index} as a {@code short} in {@code order}; see {@link #getShort(long)}.
   *
   * @param index the first byte
   * @param order the byte order of the stored value
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public short getShort(long index, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    return (short) gate.callLong(m -> m.getShort(wordIndex(m, index, 2), order));
  }

  /**
   * Stores a {@code short} little-endian at {@code index} (like {@code struct.pack_into('<…', m,
   * index, value)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @param value the value
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 2 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public void setShort(long index, short value) {
    setShort(index, value, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Stores a {@code short} in {@code order} at {@code index}; see {@link #setShort(long, short)}.
   *
   * @param index the first byte
   * @param value the value
   * @param order the byte order to store it in
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public void setShort(long index, short value, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    gate.run(m -> {
      checkWritable();
      m.setShort(wordIndex(m, index, 2), value, order);
    });
  }

  /**
   * The 4 bytes at {@code index} as an {@code int}, little-endian (like {@code
   * struct.unpack_from('<…', m, index)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 4 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public int getInt(long index) {
    return getInt(index, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The 4 bytes at {@code index} as an {@code int} in {@code order}; see {@link #getInt(long)}.
   *
   * @param index the first byte
   * @param order the byte order of the stored value
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public int getInt(long index, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    return (int) gate.callLong(m -> m.getInt(wordIndex(m, index, 4), order));
  }

  /**
   * Stores an {@code int} little-endian at {@code index} (like {@code struct.pack_into('<…', m,
   * index, value)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @param value the value
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 4 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public void setInt(long index, int value) {
    setInt(index, value, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Stores an {@code int} in {@code order} at {@code index}; see {@link #setInt(long, int)}.
   *
   * @param index the first byte
   * @param value the value
   * @param order the byte order to store it in
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public void setInt(long index, int value, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    gate.run(m -> {
      checkWritable();
      m.setInt(wordIndex(m, index, 4), value, order);
    });
  }

  /**
   * The 8 bytes at {@code index} as a {@code long}, little-endian (like {@code
   * struct.unpack_from('<…', m, index)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 8 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public long getLong(long index) {
    return getLong(index, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The 8 bytes at {@code index} as a {@code long} in {@code order}; see {@link #getLong(long)}.
   *
   * @param index the first byte
   * @param order the byte order of the stored value
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public long getLong(long index, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    return gate.callLong(m -> m.getLong(wordIndex(m, index, 8), order));
  }

  /**
   * Stores a {@code long} little-endian at {@code index} (like {@code struct.pack_into('<…', m,
   * index, value)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @param value the value
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 8 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public void setLong(long index, long value) {
    setLong(index, value, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Stores a {@code long} in {@code order} at {@code index}; see {@link #setLong(long, long)}.
   *
   * @param index the first byte
   * @param value the value
   * @param order the byte order to store it in
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public void setLong(long index, long value, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    gate.run(m -> {
      checkWritable();
      m.setLong(wordIndex(m, index, 8), value, order);
    });
  }

  /**
   * The 4 bytes at {@code index} as a {@code float}, little-endian (like {@code
   * struct.unpack_from('<…', m, index)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 4 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public float getFloat(long index) {
    return getFloat(index, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The 4 bytes at {@code index} as a {@code float} in {@code order}; see {@link #getFloat(long)}.
   *
   * @param index the first byte
   * @param order the byte order of the stored value
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public float getFloat(long index, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    return Float.intBitsToFloat(getInt(index, order));
  }

  /**
   * Stores a {@code float} little-endian at {@code index} (like {@code struct.pack_into('<…', m,
   * index, value)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @param value the value
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 4 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public void setFloat(long index, float value) {
    setFloat(index, value, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Stores a {@code float} in {@code order} at {@code index}; see {@link #setFloat(long, float)}.
   *
   * @param index the first byte
   * @param value the value
   * @param order the byte order to store it in
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public void setFloat(long index, float value, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    setInt(index, Float.floatToRawIntBits(value), order);
  }

  /**
   * The 8 bytes at {@code index} as a {@code double}, little-endian (like {@code
   * struct.unpack_from('<…', m, index)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 8 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public double getDouble(long index) {
    return getDouble(index, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The 8 bytes at {@code index} as a {@code double} in {@code order}; see {@link
   * #getDouble(long)}.
   *
   * @param index the first byte
   * @param order the byte order of the stored value
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public double getDouble(long index, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    return Double.longBitsToDouble(getLong(index, order));
  }

  /**
   * Stores a {@code double} little-endian at {@code index} (like {@code struct.pack_into('<…', m,
   * index, value)}); any alignment. The position does not move.
   *
   * @param index the first byte; negative indices are not counted from the end here
   * @param value the value
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + 8 > length()}
   * @throws IllegalStateException if the map is closed
   */
  public void setDouble(long index, double value) {
    setDouble(index, value, ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Stores a {@code double} in {@code order} at {@code index}; see {@link #setDouble(long,
   * double)}.
   *
   * @param index the first byte
   * @param value the value
   * @param order the byte order to store it in
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalStateException if the map is closed
   */
  public void setDouble(long index, double value, ByteOrder order) {
    Objects.requireNonNull(order, "order");
    setLong(index, Double.doubleToRawLongBits(value), order);
  }

  /** Checks that {@code size} bytes from {@code index} lie in the map; negatives do not wrap. */
  private static long wordIndex(Mapping m, long index, int size) {
    if (index < 0 || index > m.length() - size) {
      throw Errors.indexOutOfRange(index, size, m.length());
    }
    return index;
  }

  /** As {@link #wordIndex}, and the index must be a multiple of {@code size}. */
  private static long atomicIndex(Mapping m, long index, int size) {
    wordIndex(m, index, size);
    if (index % size != 0) {
      throw Errors.unalignedAtomic(index, size);
    }
    return index;
  }

  // Atomic words are memory words, not file formats: native byte order, aligned. On a WRITE or
  // DEFAULT file map (MAP_SHARED) they are atomic across processes; on COPY and anonymous maps
  // across the threads of this process.

  /**
   * A volatile read of the {@code int} at {@code index} (native byte order).
   *
   * @param index a multiple of 4
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 4
   * @throws IllegalStateException if the map is closed
   */
  public int getIntVolatile(long index) {
    return (int) gate.callLong(m -> m.getIntVolatile(atomicIndex(m, index, 4)));
  }

  /**
   * A volatile write of the {@code int} at {@code index} (native byte order).
   *
   * @param index a multiple of 4
   * @param value the value
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 4
   * @throws IllegalStateException if the map is closed
   */
  public void setIntVolatile(long index, int value) {
    gate.run(m -> {
      checkWritable();
      m.setIntVolatile(atomicIndex(m, index, 4), value);
    });
  }

  /**
   * Atomically sets the {@code int} at {@code index} to {@code value} if it is {@code expected}.
   *
   * @param index a multiple of 4
   * @param expected the value it must have
   * @param value the new value
   * @return whether it was set
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 4
   * @throws IllegalStateException if the map is closed
   */
  public boolean compareAndSetInt(long index, int expected, int value) {
    return (int)
            gate.callLong(m -> {
              checkWritable();
              return m.compareAndSetInt(atomicIndex(m, index, 4), expected, value) ? 1 : 0;
            })
        != 0;
  }

  /**
   * Atomically adds {@code delta} to the {@code int} at {@code index}.
   *
   * @param index a multiple of 4
   * @param delta what to add
   * @return the value before
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 4
   * @throws IllegalStateException if the map is closed
   */
  public int getAndAddInt(long index, int delta) {
    return (int)
        gate.callLong(m -> {
          checkWritable();
          return m.getAndAddInt(atomicIndex(m, index, 4), delta);
        });
  }

  /**
   * A volatile read of the {@code long} at {@code index} (native byte order).
   *
   * @param index a multiple of 8
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 8
   * @throws IllegalStateException if the map is closed
   */
  public long getLongVolatile(long index) {
    return gate.callLong(m -> m.getLongVolatile(atomicIndex(m, index, 8)));
  }

  /**
   * A volatile write of the {@code long} at {@code index} (native byte order).
   *
   * @param index a multiple of 8
   * @param value the value
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 8
   * @throws IllegalStateException if the map is closed
   */
  public void setLongVolatile(long index, long value) {
    gate.run(m -> {
      checkWritable();
      m.setLongVolatile(atomicIndex(m, index, 8), value);
    });
  }

  /**
   * An acquiring read of the {@code long} at {@code index}: later reads and writes of this thread
   * are not moved before it (pairs with {@link #setLongRelease}).
   *
   * @param index a multiple of 8
   * @return the value
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 8
   * @throws IllegalStateException if the map is closed
   */
  public long getLongAcquire(long index) {
    return gate.callLong(m -> m.getLongAcquire(atomicIndex(m, index, 8)));
  }

  /**
   * A releasing write of the {@code long} at {@code index}: earlier reads and writes of this thread
   * are visible to a thread that reads the value with {@link #getLongAcquire}.
   *
   * @param index a multiple of 8
   * @param value the value
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 8
   * @throws IllegalStateException if the map is closed
   */
  public void setLongRelease(long index, long value) {
    gate.run(m -> {
      checkWritable();
      m.setLongRelease(atomicIndex(m, index, 8), value);
    });
  }

  /**
   * Atomically sets the {@code long} at {@code index} to {@code value} if it is {@code expected}.
   *
   * @param index a multiple of 8
   * @param expected the value it must have
   * @param value the new value
   * @return whether it was set
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 8
   * @throws IllegalStateException if the map is closed
   */
  public boolean compareAndSetLong(long index, long expected, long value) {
    return (int)
            gate.callLong(m -> {
              checkWritable();
              return m.compareAndSetLong(atomicIndex(m, index, 8), expected, value) ? 1 : 0;
            })
        != 0;
  }

  /**
   * Atomically adds {@code delta} to the {@code long} at {@code index}.
   *
   * @param index a multiple of 8
   * @param delta what to add
   * @return the value before
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException if {@code index} is not a multiple of 8
   * @throws IllegalStateException if the map is closed
   */
  public long getAndAddLong(long index, long delta) {
    return gate.callLong(m -> {
      checkWritable();
      return m.getAndAddLong(atomicIndex(m, index, 8), delta);
    });
  }

  /**
   * Runs {@code action} with a {@link MemorySegment} over {@code [from, to)} of the map, without
   * copying (read-only for READ maps), and returns its result. The segment is valid only inside the
   * call and only on this thread: using it afterwards throws {@link IllegalStateException}, from
   * another thread {@link WrongThreadException}, never a read of unmapped memory. While {@code
   * action} runs, {@link #close()} and {@link #resize} from other threads wait for it; from inside
   * it, on this thread, they throw {@link IllegalStateException} (CPython's {@code BufferError}). A
   * file truncated under the map surfaces as {@link MmapTruncatedException} from this method, also
   * when the fault happened inside {@code action}.
   *
   * <p>With native access the segment is the map's own memory under a confined scope. Without it,
   * the same pages are mapped once more for the call (shared file maps and shared anonymous maps);
   * COPY maps then throw {@link UnsupportedOperationException}.
   *
   * @param from the first byte, {@code 0 <= from <= to}
   * @param to the end (excluded), at most {@link #length()}
   * @param action what to do with the segment
   * @param <R> the result type
   * @return what {@code action} returned
   * @throws IndexOutOfBoundsException {@code mmap index out of range} for bounds outside the map
   * @throws IllegalStateException if the map is closed
   */
  public <R> R withSegment(long from, long to, Function<MemorySegment, R> action) {
    Objects.requireNonNull(action, "action");
    return gate.callView(m -> {
      if (from < 0 || from > to || to > m.length()) {
        throw Errors.viewOutOfRange(from, to, m.length());
      }
      return m.withView(from, to - from, access == Access.READ, action);
    });
  }

  /**
   * Whether mmap4j may call libc here: the JVM enabled native access for it ({@code
   * --enable-native-access=io.github.mmap4j}, or {@code ALL-UNNAMED} on the class path) on Linux.
   * Then maps are made with {@code mmap(2)}, close costs microseconds, {@code madvise} is real, and
   * COPY works on read-only files; without it everything else works the same.
   *
   * @return whether the native path is on
   */
  public static boolean nativeAccess() {
    return Platform.nativeAccess();
  }

  // --- memory and file
  // ----------------------------------------------------------------------------

  /**
   * Copies {@code count} bytes from {@code src} to {@code dest}, correctly when the ranges overlap;
   * like {@code m.move(dest, src, count)}. The position does not move.
   *
   * @param dest where the bytes go
   * @param src where they come from
   * @param count how many
   * @throws UnsupportedOperationException on a READ map (before the bounds are checked)
   * @throws IllegalArgumentException {@code source, destination, or count out of range}
   * @throws IllegalStateException if the map is closed
   */
  public void move(long dest, long src, long count) {
    gate.run(m -> {
      checkWritable();
      long n = m.length();
      if (dest < 0 || src < 0 || count < 0 || n - dest < count || n - src < count) {
        throw Errors.moveOutOfRange(dest, src, count, n);
      }
      m.move(dest, src, count);
    });
  }

  /**
   * Writes the whole map back to the file; like {@code m.flush()}.
   *
   * @throws IOException if the OS fails to write
   * @throws IllegalStateException if the map is closed
   */
  public void flush() throws IOException {
    flush(0, gate.current().length());
  }

  /**
   * Writes {@code size} bytes from {@code offset} back to storage ({@code msync}); like {@code
   * m.flush(offset, size)}. A no-op on READ and COPY maps (after the range check).
   *
   * @param offset where the range starts; a multiple of {@link #PAGESIZE}
   * @param size how many bytes
   * @throws IllegalArgumentException {@code flush values out of range}
   * @throws IOException {@code [Errno 22] Invalid argument} if {@code offset} is not a multiple of
   *     {@link #PAGESIZE}
   * @throws IllegalStateException if the map is closed
   */
  public void flush(long offset, long size) throws IOException {
    gate.run(m -> {
      if (size < 0 || offset < 0 || m.length() - offset < size) {
        throw Errors.flushOutOfRange(offset, size, m.length());
      }
      if (access == Access.READ || access == Access.COPY) {
        return;
      }
      if (offset % PAGESIZE != 0) {
        throw Errors.unalignedFlush(offset, PAGESIZE);
      }
      if (size > 0) {
        storage.flush(m, offset, size);
      }
    });
  }

  /**
   * {@code m.madvise(option)} over the whole map.
   *
   * @param option the advice
   * @throws IOException as {@link #madvise(Madvise, long, long)}
   */
  public void madvise(Madvise option) throws IOException {
    madvise(option, 0, gate.current().length());
  }

  /**
   * {@code m.madvise(option, start)}: from {@code start} to the end.
   *
   * @param option the advice
   * @param start the first byte; a multiple of {@link #PAGESIZE}
   * @throws IOException as {@link #madvise(Madvise, long, long)}
   */
  public void madvise(Madvise option, long start) throws IOException {
    madvise(option, start, gate.current().length());
  }

  /**
   * Advises the kernel about {@code length} bytes from {@code start}; like {@code m.madvise(option,
   * start, length)}. A length reaching past the end is clamped. With native access this is {@code
   * madvise(2)}; without it, WILLNEED loads the range, DONTNEED unloads it, and the rest are
   * validated no-ops. Anonymous maps follow CPython's content rules in either case.
   *
   * @param option the advice
   * @param start the first byte; a multiple of {@link #PAGESIZE}
   * @param length how many bytes
   * @throws IllegalArgumentException {@code madvise start out of bounds}, {@code madvise length
   *     invalid}, {@code madvise length too large}
   * @throws IOException {@code [Errno 22] Invalid argument} if {@code start} is not page-aligned,
   *     or the kernel's error
   * @throws IllegalStateException if the map is closed
   */
  public void madvise(Madvise option, long start, long length) throws IOException {
    Objects.requireNonNull(option, "option");
    gate.run(m -> {
      long n = m.length();
      if (start < 0 || start >= n) {
        throw Errors.madviseStartOutOfBounds(start, n);
      }
      if (length < 0) {
        throw Errors.madviseLengthInvalid(length);
      }
      if (Long.MAX_VALUE - start < length) {
        throw Errors.madviseLengthTooLarge(start, length);
      }
      if (start % PAGESIZE != 0) {
        throw Errors.unalignedAdvice(start, PAGESIZE);
      }
      storage.madvise(m, option, start, Math.min(length, n - start));
    });
  }

  /**
   * Changes the map's length to {@code newSize} and, for a file map, the file's length to {@code
   * offset() + newSize}; like {@code m.resize(newsize)}. Bytes below the smaller size are kept, new
   * bytes read as 0, and the position is never clamped (it may end up past the end).
   *
   * @param newSize the new length, at least 1
   * @throws UnsupportedOperationException on READ and COPY maps
   * @throws IllegalArgumentException {@code new size out of range} for a negative size; growing an
   *     anonymous map ({@code mmap: can't expand a shared anonymous mapping on Linux})
   * @throws IOException {@code [Errno 22] Invalid argument} for 0 (the file and the map are left as
   *     they were), {@code [Errno 27] File too large}
   * @throws IllegalStateException if closed, or if a borrowed channel was closed by its owner
   */
  public void resize(long newSize) throws IOException {
    gate.current();
    storage.checkResizable();
    if (!access.resizable()) {
      throw Errors.notResizable();
    }
    if (newSize < 0 || Long.MAX_VALUE - newSize < storage.offset()) {
      // mmap_resize_method: offset + newsize must fit Py_ssize_t too.
      throw Errors.newSizeOutOfRange(newSize, storage.offset());
    }
    storage.resize(newSize);
  }

  /**
   * The length of the whole file now, whatever the map's offset and length; like {@code m.size()}.
   *
   * @return the file's length
   * @throws IOException {@code [Errno 9] Bad file descriptor} for an anonymous map
   * @throws IllegalStateException if closed, or if a borrowed channel was closed by its owner
   */
  public long size() throws IOException {
    gate.current();
    return storage.size();
  }

  /**
   * The access mode; works on a closed map too.
   *
   * @return the access
   */
  public Access access() {
    return access;
  }

  /**
   * The file offset the map starts at (0 for anonymous maps); works on a closed map too.
   *
   * @return the offset
   */
  public long offset() {
    return storage.offset();
  }

  /**
   * Whether {@link #close()} was called; like {@code m.closed}.
   *
   * @return whether the map is closed
   */
  public boolean isClosed() {
    return gate.currentOrNull() == null;
  }

  /**
   * Like CPython's {@code repr(m)}: {@code Mmap[closed=false, access=READ, length=10, pos=0,
   * offset=0]}, or {@code Mmap[closed=true]}.
   */
  @Override
  public String toString() {
    Mapping m = gate.currentOrNull();
    if (m == null) {
      return "Mmap[closed=true]";
    }
    return "Mmap[closed=false, access="
        + access
        + ", length="
        + m.length()
        + ", pos="
        + pos
        + ", offset="
        + storage.offset()
        + "]";
  }

  // --- streams, channels and residency ---

  /**
   * An {@link java.io.InputStream} that reads from the position and advances it, as {@link
   * #read(byte[], int, int)} does: with it a map goes wherever Java takes a stream ({@code
   * Properties.load}, {@code ZipInputStream}, {@code Files.copy}, an {@code InputStreamReader}).
   *
   * <p>The stream is a view: the map, its streams and its channels share one position; closing the
   * stream leaves the map open, and there is nothing to release. {@code read()} gives -1 at (or
   * after) the end; {@code available()} is the bytes left, at most {@code Integer.MAX_VALUE};
   * {@code skip} never moves backwards or past the end; {@code mark}/{@code reset} remember a
   * position (any read limit); {@code transferTo} copies in large chunks. Once the map is closed,
   * the stream's methods throw {@link IOException} {@code mmap closed or invalid}, and once the
   * stream is closed, {@code Stream closed}; a file truncated under the map is an {@link
   * IOException} caused by the {@link MmapTruncatedException}.
   *
   * @return a new stream over this map
   * @throws IllegalStateException if the map is closed
   */
  public java.io.InputStream inputStream() {
    gate.current();
    return new MmapInputStream(this);
  }

  /**
   * An {@link java.io.OutputStream} that writes at the position and advances it, as {@link
   * #write(ByteBuffer)} does. The map never grows: a write that does not fit before the end writes
   * nothing and throws {@link IOException} {@code data out of range (…)}. {@code flush()} does
   * nothing, since every write is in the map when it returns; {@link #flush()} writes the map back
   * to the file.
   *
   * <p>The stream is a view, as {@link #inputStream()} describes: it shares the position, closing
   * it leaves the map open, and its methods throw {@link IOException} once either is closed.
   *
   * @return a new stream over this map
   * @throws UnsupportedOperationException on a READ map
   * @throws IllegalStateException if the map is closed
   */
  public java.io.OutputStream outputStream() {
    gate.current();
    checkWritable();
    return new MmapOutputStream(this);
  }

  /**
   * A {@link java.nio.channels.SeekableByteChannel} over the map: {@code position()} is {@link
   * #tell()}, {@code size()} is {@link #length()}, {@code read} and {@code write} work as {@link
   * #read(ByteBuffer)} and {@link #write(ByteBuffer)} do. The map never grows: the position may be
   * set past the end (reads there give -1), but a write that does not fit writes nothing and throws
   * {@link IOException}; {@code truncate} to the length or more changes nothing but the position,
   * as the interface says, and below it throws {@link UnsupportedOperationException} ({@link
   * #resize} changes the length). On a READ map, {@code write} and {@code truncate} throw {@link
   * java.nio.channels.NonWritableChannelException}.
   *
   * <p>The channel is a view: it shares the position with the map and its other views, and closing
   * it leaves the map open. Once either is closed, {@code isOpen()} is false and its methods throw
   * {@link java.nio.channels.ClosedChannelException}. Its own operations exclude one another;
   * unsynchronized use of the map's position elsewhere at the same time is not safe.
   *
   * @return a new channel over this map
   * @throws IllegalStateException if the map is closed
   */
  public java.nio.channels.SeekableByteChannel channel() {
    gate.current();
    return new MmapChannel(this);
  }

  /**
   * Whether all of the map's pages are in physical memory, so that reading them costs no I/O; like
   * {@code MappedByteBuffer.isLoaded()}, and like it a hint: the kernel may evict pages at any
   * time. With native access this asks {@code mincore(2)}; without it, the JDK ({@code
   * MemorySegment.isLoaded()}, which asks the same). On an anonymous map, the pages touched so far
   * are the loaded ones (without native access and without {@code /dev/shm}, anonymous memory comes
   * zero-filled from {@code Arena.allocate} and so is loaded from the start).
   *
   * @return whether every page is resident
   * @throws IllegalStateException if the map is closed
   */
  public boolean isLoaded() {
    return (int) gate.callLong(m -> m.isLoaded() ? 1 : 0) == 1;
  }

  /**
   * How many bytes of {@code [from, to)} lie on pages that are in physical memory now, counted with
   * {@code mincore(2)}: a resident page adds the part of it inside the range. The pages are never
   * read, so this costs no I/O and never faults, not even on pages a truncated file lost.
   *
   * @param from the first byte
   * @param to the byte after the last
   * @return the resident bytes, 0 to {@code to - from}
   * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= length()}
   * @throws UnsupportedOperationException without native access ({@link #nativeAccess()} is false;
   *     the JDK answers only {@link #isLoaded()}'s question)
   * @throws IllegalStateException if the map is closed
   */
  public long residentBytes(long from, long to) {
    return gate.callLong(m -> {
      Objects.checkFromToIndex(from, to, m.length());
      return m.residentBytes(from, to);
    });
  }

  /**
   * Brings the whole map into physical memory; like {@code MappedByteBuffer.load()}: advice to read
   * ahead ({@code MADV_WILLNEED}), then a read of one byte per page. The map is loaded a chunk of
   * pages at a time, so a {@link #close()} or {@link #resize} from another thread waits for one
   * chunk at most. On an anonymous map this allocates every page. Like the JDK's, a hint: the
   * kernel may evict the pages again.
   *
   * @throws MmapTruncatedException if the file no longer has some of the map's pages (the pages
   *     before them may be loaded)
   * @throws IllegalStateException if the map is closed, also by another thread during the load
   */
  public void load() {
    long chunk = 8L << 20; // 8 MiB: a few milliseconds from the disk, nothing from memory
    for (long from = 0; from >= 0; ) {
      long start = from;
      from =
          gate.callLong(m -> {
            if (start >= m.length()) {
              return -1;
            }
            long end = Math.min(m.length(), start + chunk);
            m.load(start, end);
            return end;
          });
    }
  }

  /**
   * Sets the position to any {@code newPosition >= 0}, past the end too: where a channel may be
   * positioned, and where a shrink may leave the map.
   */
  void setPosition(long newPosition) {
    gate.current();
    pos = newPosition;
  }

  /**
   * Unmaps the memory and closes the channel this map opened (a borrowed channel stays open); like
   * {@code m.close()}. Idempotent. Waits for operations in flight on other threads to leave the
   * mapping first.
   */
  @Override
  public void close() {
    storage.close();
  }
}
