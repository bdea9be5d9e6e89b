package io.github.mmap4j;

import io.github.mmap4j.internal.Advice;
import io.github.mmap4j.internal.ByteSearch;
import io.github.mmap4j.internal.Errno;
import io.github.mmap4j.internal.Errors;
import io.github.mmap4j.internal.FaultBarrier;
import io.github.mmap4j.internal.FileMaps;
import io.github.mmap4j.internal.Mapping;
import io.github.mmap4j.internal.PageSize;
import io.github.mmap4j.internal.PythonSlice;
import io.github.mmap4j.internal.Quiescence;
import io.github.mmap4j.internal.Resources;
import io.github.mmap4j.internal.SegmentCopies;
import io.github.mmap4j.internal.VmaFlags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PrimitiveIterator;

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
 * IOException}s whose message names the errno, e.g. {@code [Errno 22] Invalid argument}.
 *
 * <p><b>Threads.</b> Like a {@code RandomAccessFile}, a map has one position and is not meant for
 * unsynchronized concurrent use; but {@link #close()} and {@link #resize} from any thread are
 * always safe: operations in flight complete or fail with {@code IllegalStateException("mmap closed
 * or invalid")}, and the memory is unmapped only once no operation is inside it.
 *
 * <p><b>Note:</b> if the file is truncated below the end of a live map (by another channel, another
 * map's {@code resize}, or another process), operations that touch the lost pages throw {@link
 * MmapTruncatedException} (CPython dies of {@code SIGBUS} there). The JVM can deliver that fault
 * late, after the access returned; mmap4j catches it inside its own methods where the JVM lets it.
 */
public final class Mmap implements AutoCloseable {
  /** The OS page size, read at class initialization ({@code sysconf(_SC_PAGESIZE)}). */
  public static final int PAGESIZE = PageSize.detect();

  /** The alignment required of {@code offset}; equals {@link #PAGESIZE} on Linux. */
  public static final int ALLOCATIONGRANULARITY = PAGESIZE;

  private static final Cleaner CLEANER = Cleaner.create();
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  private static final byte NEWLINE = '\n';

  private final Access access;
  private final long offset;
  private final FileChannel channel; // null for anonymous maps
  private final Path path; // null unless opened by path
  private final Thread owner = Thread.currentThread(); // see Quiescence
  private final Quiescence quiescence = new Quiescence(owner);
  private final Resources resources;
  private final Cleaner.Cleanable cleanable;
  private final Object lock = new Object();
  private volatile Mapping mapping; // null once closed
  private long pos;
  private final Object flagsLock = new Object(); // never held while waiting for anything
  private VmaFlags vmaFlags; // created by the first flag-changing madvise of a resizable file map

  private Mmap(
      Mapping mapping,
      Access access,
      long offset,
      FileChannel channel,
      Path path,
      FileChannel ownedChannel) {
    this.mapping = mapping;
    this.access = access;
    this.offset = offset;
    this.channel = channel;
    this.path = path;
    this.resources = new Resources(mapping, ownedChannel);
    this.cleanable = CLEANER.register(this, resources);
  }

  // --- construction -----------------------------------------------------------------------------

  /**
   * Maps the whole file read-only. Like {@code mmap.mmap(f.fileno(), 0, access=ACCESS_READ)} on a
   * file opened {@code rb}.
   *
   * @throws IOException if the file cannot be opened or mapped
   * @throws IllegalArgumentException if the file is empty ({@code cannot mmap an empty file})
   */
  public static Mmap open(Path path) throws IOException {
    return open(path, 0, Access.READ, 0);
  }

  /** Maps the whole file with the given access; see {@link #open(Path, long, Access, long)}. */
  public static Mmap open(Path path, Access access) throws IOException {
    return open(path, 0, access, 0);
  }

  /** Maps {@code length} bytes (0 = to the end); see {@link #open(Path, long, Access, long)}. */
  public static Mmap open(Path path, long length, Access access) throws IOException {
    return open(path, length, access, 0);
  }

  /**
   * Opens {@code path} and maps {@code length} bytes of it from {@code offset}. The map owns the
   * channel it opens (read-only for READ, read-write for WRITE and DEFAULT; for COPY read-write if
   * the file allows it, else read-only) and closes it on {@link #close()}.
   *
   * @param length bytes to map; 0 maps from {@code offset} to the end of the file
   * @param offset where the map starts in the file; a multiple of {@link #ALLOCATIONGRANULARITY}
   * @throws IllegalArgumentException for a negative length or offset, an empty file, or a range
   *     beyond the end of the file (CPython's messages; the file is never extended)
   * @throws IOException if the file cannot be opened, {@code [Errno 22] Invalid argument} for an
   *     unaligned offset, {@code [Errno 13] Permission denied} for WRITE/DEFAULT on a read-only
   *     file
   */
  public static Mmap open(Path path, long length, Access access, long offset) throws IOException {
    Objects.requireNonNull(access, "access");
    FileChannel channel = FileMaps.openChannel(path, access);
    boolean done = false;
    try {
      Mapping mapping = FileMaps.map(channel, path, length, access, offset, ALLOCATIONGRANULARITY);
      Mmap map = new Mmap(mapping, access, offset, channel, path, channel);
      done = true;
      return map;
    } finally {
      if (!done) {
        channel.close();
      }
    }
  }

  /** Maps the whole file with access DEFAULT; see {@link #map(FileChannel, long, Access, long)}. */
  public static Mmap map(FileChannel channel, long length) throws IOException {
    return map(channel, length, Access.DEFAULT, 0);
  }

  /** Maps from offset 0; see {@link #map(FileChannel, long, Access, long)}. */
  public static Mmap map(FileChannel channel, long length, Access access) throws IOException {
    return map(channel, length, access, 0);
  }

  /**
   * Maps {@code length} bytes of an open channel from {@code offset}: {@code mmap.mmap(fileno,
   * length, access=…, offset=…)}. The channel is borrowed, never closed by the map; data access
   * keeps working after its owner closes it (then {@link #size()} and {@link #resize} throw {@link
   * IllegalStateException}).
   *
   * @throws IllegalArgumentException as for {@link #open(Path, long, Access, long)}
   * @throws IOException {@code [Errno 9] Bad file descriptor} for a closed channel, {@code [Errno
   *     13] Permission denied} when the channel's mode does not allow the access, {@code [Errno 22]
   *     Invalid argument} for an unaligned offset
   */
  public static Mmap map(FileChannel channel, long length, Access access, long offset)
      throws IOException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(access, "access");
    Mapping mapping = FileMaps.map(channel, null, length, access, offset, ALLOCATIONGRANULARITY);
    return new Mmap(mapping, access, offset, channel, null, null);
  }

  /** Zero-filled anonymous memory with access DEFAULT: {@code mmap.mmap(-1, length)}. */
  public static Mmap anonymous(long length) {
    return anonymous(length, Access.DEFAULT);
  }

  /**
   * Zero-filled memory with no file behind it: {@code mmap.mmap(-1, length, access=…)}. It can
   * shrink but never grow (CPython: {@code can't expand a shared anonymous mapping}).
   *
   * @throws IllegalArgumentException for a negative length
   * @throws UncheckedIOException wrapping {@code [Errno 22] Invalid argument} for length 0, or
   *     {@code [Errno 12] Cannot allocate memory}
   */
  public static Mmap anonymous(long length, Access access) {
    Objects.requireNonNull(access, "access");
    if (length < 0) {
      throw Errors.invalid("memory mapped length must be positive");
    }
    if (length == 0) {
      throw Errors.unchecked(Errors.os(Errno.EINVAL));
    }
    return new Mmap(Mapping.anonymous(length, PAGESIZE), access, 0, null, null, null);
  }

  // --- entering and leaving the mapping ---------------------------------------------------------

  /**
   * The current mapping, counted as in use until {@link #leave}; closed maps throw. The owner
   * thread's path is two plain loads and a compare: this runs on every {@code readByte}.
   */
  private Mapping enter() {
    Mapping m = mapping;
    if (Thread.currentThread() == owner && m != null) {
      return m;
    }
    return enterSlowly();
  }

  private Mapping enterSlowly() {
    if (Thread.currentThread() == owner) {
      throw Errors.closed();
    }
    while (true) {
      Mapping m = mapping;
      if (m == null) {
        throw Errors.closed();
      }
      m.enterGuest();
      // Re-read after counting in: either close()/resize() sees this guest in the old mapping, or
      // this guest sees what they published (closed, or the new mapping: count into that one).
      if (mapping == m) {
        return m;
      }
      m.exitGuest();
    }
  }

  private void leave(Mapping m) {
    if (Thread.currentThread() != owner) {
      m.exitGuest();
    }
  }

  /** The current mapping for operations that do not touch its memory. */
  private Mapping current() {
    Mapping m = mapping;
    if (m == null) {
      throw Errors.closed();
    }
    return m;
  }

  private void checkWritable() {
    if (!access.writable()) {
      throw Errors.readOnly();
    }
  }

  /** The JVM reports a fault on a page the file no longer has as an {@link InternalError}. */
  private MmapTruncatedException truncated(InternalError e, Mapping m) {
    String now;
    try {
      now = channel == null ? "unknown" : channel.size() + " bytes";
    } catch (IOException | RuntimeException sizeFailure) {
      now = "unknown";
    }
    return new MmapTruncatedException(
        "the file shrank under the mapping: the map covers file bytes "
            + offset
            + ".."
            + (offset + m.length())
            + ", the file now has "
            + now,
        e);
  }

  // --- file-like
  // ----------------------------------------------------------------------------------

  /** Reads from the position to the end and moves the position there; like {@code m.read()}. */
  public byte[] read() {
    return read(-1);
  }

  /**
   * Reads up to {@code n} bytes from the position and advances it; like {@code m.read(n)}. Fewer
   * bytes come back at the end of the map, none after it.
   *
   * @param n how many bytes at most; negative means the rest, like {@code read(-1)}
   * @throws IllegalStateException if the map is closed
   */
  public byte[] read(long n) {
    Mapping m = enter();
    try {
      long remaining = Math.max(m.length() - pos, 0);
      long count = n < 0 || n > remaining ? remaining : n;
      byte[] out = SegmentCopies.copyOut(m.segment(), pos, count);
      FaultBarrier.poll();
      pos += count;
      return out;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Reads up to {@code len} bytes from the position into {@code dst[off..off+len)} and advances the
   * position; like {@code RandomAccessFile.read(byte[], int, int)}, without allocating.
   *
   * @return the number of bytes read, 0 if {@code len} is 0, or -1 if the position is at or after
   *     the end of the map
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit {@code dst}
   * @throws IllegalStateException if the map is closed
   */
  public int read(byte[] dst, int off, int len) {
    Objects.requireNonNull(dst, "dst");
    Mapping m = enter();
    try {
      Objects.checkFromIndexSize(off, len, dst.length);
      long remaining = m.length() - pos;
      if (len == 0) {
        return 0;
      }
      if (remaining <= 0) {
        return -1;
      }
      int count = (int) Math.min(len, remaining);
      MemorySegment.copy(m.segment(), BYTE, pos, dst, off, count);
      FaultBarrier.poll();
      pos += count;
      return count;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Reads from the position into {@code dst}'s remaining bytes, as {@link #read(byte[], int, int)}
   * does, and advances both positions.
   *
   * @return the number of bytes read, 0 if {@code dst} has no room, or -1 at the end of the map
   * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
   */
  public int read(ByteBuffer dst) {
    Objects.requireNonNull(dst, "dst");
    Mapping m = enter();
    try {
      if (dst.isReadOnly()) {
        throw new java.nio.ReadOnlyBufferException();
      }
      int len = dst.remaining();
      long remaining = m.length() - pos;
      if (len == 0) {
        return 0;
      }
      if (remaining <= 0) {
        return -1;
      }
      int count = (int) Math.min(len, remaining);
      MemorySegment.copy(m.segment(), pos, MemorySegment.ofBuffer(dst), 0, count);
      FaultBarrier.poll();
      dst.position(dst.position() + count);
      pos += count;
      return count;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Copies {@code len} bytes from {@code index} into {@code dst[off..off+len)}; the position does
   * not move. All or nothing, like {@code ByteBuffer.get(int, byte[], int, int)}.
   *
   * @throws IndexOutOfBoundsException {@code mmap index out of range} if {@code index < 0} or
   *     {@code index + len > length()} (negative indices are not counted from the end), or if
   *     {@code off} and {@code len} do not fit {@code dst}
   */
  public void get(long index, byte[] dst, int off, int len) {
    Objects.requireNonNull(dst, "dst");
    Mapping m = enter();
    try {
      Objects.checkFromIndexSize(off, len, dst.length);
      if (index < 0 || index > m.length() - len) {
        throw Errors.indexOutOfRange();
      }
      MemorySegment.copy(m.segment(), BYTE, index, dst, off, len);
      FaultBarrier.poll();
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Reads the byte at the position as 0..255 and advances it; like {@code m.read_byte()}.
   *
   * @throws IndexOutOfBoundsException {@code read byte out of range} at or after the end
   */
  public int readByte() {
    Mapping m = enter();
    try {
      long p = pos;
      if (p >= m.length()) {
        throw Errors.range("read byte out of range");
      }
      int value = Byte.toUnsignedInt(m.segment().get(BYTE, p));
      FaultBarrier.poll();
      pos = p + 1;
      return value;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Reads from the position up to and including the next {@code '\n'} (or to the end) and advances
   * the position; like {@code m.readline()}. Only {@code '\n'} ends a line. Returns an empty array
   * at the end.
   */
  public byte[] readLine() {
    Mapping m = enter();
    try {
      long n = m.length();
      long p = pos;
      if (p >= n) {
        return new byte[0];
      }
      long newline = ByteSearch.indexOf(m.segment(), p, n, NEWLINE);
      long end = newline < 0 ? n : newline + 1;
      byte[] out = SegmentCopies.copyOut(m.segment(), p, end - p);
      FaultBarrier.poll();
      pos = end;
      return out;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Writes all of {@code data} at the position and advances it; like {@code m.write(data)}. All or
   * nothing: if the data does not fit, nothing is written and the position stays.
   *
   * @return {@code data.length}
   * @throws UnsupportedOperationException on a READ map (even for empty data)
   * @throws IndexOutOfBoundsException {@code data out of range} if it does not fit
   */
  public int write(byte[] data) {
    Objects.requireNonNull(data, "data");
    Mapping m = enter();
    try {
      checkWritable();
      long n = m.length();
      long p = pos;
      if (p > n || n - p < data.length) {
        throw Errors.range("data out of range");
      }
      MemorySegment.copy(data, 0, m.segment(), BYTE, p, data.length);
      FaultBarrier.poll();
      pos = p + data.length;
      return data.length;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Writes all of {@code src}'s remaining bytes at the position and advances both positions, like
   * {@link #write(byte[])}: all or nothing.
   *
   * @return the number of bytes written
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code data out of range} if they do not fit
   */
  public int write(ByteBuffer src) {
    Objects.requireNonNull(src, "src");
    Mapping m = enter();
    try {
      checkWritable();
      int len = src.remaining();
      long n = m.length();
      long p = pos;
      if (p > n || n - p < len) {
        throw Errors.range("data out of range");
      }
      MemorySegment.copy(MemorySegment.ofBuffer(src), 0, m.segment(), p, len);
      FaultBarrier.poll();
      src.position(src.position() + len);
      pos = p + len;
      return len;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
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
   */
  public void writeByte(int value) {
    Mapping m = enter();
    try {
      byte b = unsignedByte(value);
      checkWritable();
      long p = pos;
      if (p >= m.length()) {
        throw Errors.range("write byte out of range");
      }
      m.segment().set(BYTE, p, b);
      FaultBarrier.poll();
      pos = p + 1;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  private static byte unsignedByte(int value) {
    if (value > 255) {
      throw Errors.invalid("unsigned byte integer is greater than maximum");
    }
    if (value < 0) {
      throw Errors.invalid("unsigned byte integer is less than minimum");
    }
    return (byte) value;
  }

  /** Moves the position to {@code pos}; like {@code m.seek(pos)}. Returns the new position. */
  public long seek(long pos) {
    return seek(pos, Whence.SET);
  }

  /**
   * Moves the position relative to the start, the position or the end; like {@code m.seek(pos,
   * whence)} (CPython 3.13+ returns the new position too). The end itself is a valid position.
   *
   * @throws IndexOutOfBoundsException {@code seek out of range} for a target below 0 or past the
   *     end; the position stays
   */
  public long seek(long pos, Whence whence) {
    Objects.requireNonNull(whence, "whence");
    Mapping m = current();
    long base =
        switch (whence) {
          case SET -> 0;
          case CUR -> this.pos;
          case END -> m.length();
        };
    long target = base + pos;
    boolean overflow = ((base ^ target) & (pos ^ target)) < 0;
    if (overflow || target < 0 || target > m.length()) {
      throw Errors.range("seek out of range");
    }
    this.pos = target;
    return target;
  }

  /** The position; like {@code m.tell()}. It can exceed {@link #length()} after a shrink. */
  public long tell() {
    current();
    return pos;
  }

  /** Always true, also on a closed map; like {@code m.seekable()} (CPython 3.13+). */
  public boolean seekable() {
    return true;
  }

  // --- sequence-like
  // -------------------------------------------------------------------------------

  /** The map's length in bytes; like {@code len(m)}. */
  public long length() {
    return current().length();
  }

  /**
   * The byte at {@code index} as 0..255; like {@code m[index]}. Negative indices count from the
   * end.
   *
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   */
  public int get(long index) {
    Mapping m = enter();
    try {
      long n = m.length();
      long i = index < 0 ? index + n : index;
      if (i < 0 || i >= n) {
        throw Errors.indexOutOfRange();
      }
      int value = Byte.toUnsignedInt(m.segment().get(BYTE, i));
      FaultBarrier.poll();
      return value;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Stores {@code value} at {@code index}; like {@code m[index] = value}. Checks in CPython's
   * order: read-only, then the index, then the value. The position does not move.
   *
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException {@code mmap index out of range}
   * @throws IllegalArgumentException {@code mmap item value must be in range(0, 256)}
   */
  public void set(long index, int value) {
    Mapping m = enter();
    try {
      checkWritable();
      long n = m.length();
      long i = index < 0 ? index + n : index;
      if (i < 0 || i >= n) {
        throw Errors.indexOutOfRange();
      }
      if (value < 0 || value > 255) {
        throw Errors.itemValue();
      }
      m.segment().set(BYTE, i, (byte) value);
      FaultBarrier.poll();
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /** A copy of {@code m[start:stop]}, clamped as Python clamps slices. */
  public byte[] slice(long start, long stop) {
    return slice(start, stop, 1);
  }

  /**
   * A copy of {@code m[start:stop:step]} with Python's slice rules: negative bounds count from the
   * end, bounds clamp, {@code Long.MIN_VALUE}/{@code Long.MAX_VALUE} act as open ends ({@code
   * m[::-1]} is {@code slice(Long.MAX_VALUE, Long.MIN_VALUE, -1)}).
   *
   * @throws IllegalArgumentException {@code slice step cannot be zero}
   */
  public byte[] slice(long start, long stop, long step) {
    Mapping m = enter();
    try {
      byte[] out =
          SegmentCopies.copyOut(m.segment(), PythonSlice.of(start, stop, step, m.length()));
      FaultBarrier.poll();
      return out;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /** {@code m[start:stop] = value}; see {@link #setSlice(long, long, long, byte[])}. */
  public void setSlice(long start, long stop, byte[] value) {
    setSlice(start, stop, 1, value);
  }

  /**
   * {@code m[start:stop:step] = value}: stores {@code value} at the indices the slice selects.
   *
   * @throws UnsupportedOperationException on a READ map
   * @throws IllegalArgumentException {@code slice step cannot be zero}, or {@code mmap slice
   *     assignment is wrong size} when {@code value} does not have exactly as many bytes
   */
  public void setSlice(long start, long stop, long step, byte[] value) {
    Objects.requireNonNull(value, "value");
    Mapping m = enter();
    try {
      checkWritable();
      PythonSlice slice = PythonSlice.of(start, stop, step, m.length());
      if (slice.count() != value.length) {
        throw Errors.wrongSize();
      }
      SegmentCopies.copyIn(m.segment(), slice, value);
      FaultBarrier.poll();
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * A copy of the bytes at the indices of a Kotlin-style closed progression {@code first, first +
   * step, …, last} (what {@code m[13..27]} and {@code m[9 downTo 0 step 2]} mean in the Kotlin
   * DSL). Nothing clamps, unlike {@link #slice}: every index visited must exist. The progression
   * ends at the last index it visits ({@code (0, 1, 3)} is just index 0).
   *
   * @throws IndexOutOfBoundsException {@code mmap index out of range: …} if an index is outside
   *     {@code 0..<length()}
   * @throws IllegalArgumentException {@code slice step cannot be zero}
   */
  public byte[] sliceClosed(long first, long last, long step) {
    Mapping m = enter();
    try {
      byte[] out =
          SegmentCopies.copyOut(m.segment(), PythonSlice.closed(first, last, step, m.length()));
      FaultBarrier.poll();
      return out;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Stores {@code value} at the indices of a closed progression; see {@link #sliceClosed}.
   *
   * @throws UnsupportedOperationException on a READ map
   * @throws IndexOutOfBoundsException if an index is outside {@code 0..<length()}
   * @throws IllegalArgumentException {@code mmap slice assignment is wrong size: …}, saying both
   *     sizes
   */
  public void setSliceClosed(long first, long last, long step, byte[] value) {
    Objects.requireNonNull(value, "value");
    Mapping m = enter();
    try {
      checkWritable();
      PythonSlice slice = PythonSlice.closed(first, last, step, m.length());
      if (slice.count() != value.length) {
        String range = PythonSlice.describeClosed(first, last, step);
        String hint =
            step == 1 && slice.count() == value.length + 1
                ? "; Python's m[" + first + ":" + last + "] is " + first + "..<" + last
                : "";
        throw Errors.invalid(
            "mmap slice assignment is wrong size: "
                + range
                + " holds "
                + slice.count()
                + " bytes, the value has "
                + value.length
                + hint);
      }
      SegmentCopies.copyIn(m.segment(), slice, value);
      FaultBarrier.poll();
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /** {@code m.find(sub)}: searches from the position (not from 0) to the end. */
  public long find(byte[] sub) {
    return search(sub, pos, Long.MAX_VALUE, true);
  }

  /** {@code m.find(sub, start)}. */
  public long find(byte[] sub, long start) {
    return search(sub, start, Long.MAX_VALUE, true);
  }

  /**
   * The lowest index {@code i >= start} with {@code sub} in {@code m[i:i+len(sub)]} and {@code i +
   * len(sub) <= end}, or -1; like {@code m.find(sub, start, end)}. Bounds count from the end when
   * negative and clamp to {@code [0, length()]}; an empty {@code sub} is found at {@code start}.
   * The position does not move. Linear time in the searched length.
   */
  public long find(byte[] sub, long start, long end) {
    return search(sub, start, end, true);
  }

  /** {@code m.rfind(sub)}: searches from the position (not from 0) to the end. */
  public long rfind(byte[] sub) {
    return search(sub, pos, Long.MAX_VALUE, false);
  }

  /** {@code m.rfind(sub, start)}. */
  public long rfind(byte[] sub, long start) {
    return search(sub, start, Long.MAX_VALUE, false);
  }

  /**
   * The highest such index, or -1; like {@code m.rfind(sub, start, end)}. An empty {@code sub} is
   * found at {@code end}. See {@link #find(byte[], long, long)}.
   */
  public long rfind(byte[] sub, long start, long end) {
    return search(sub, start, end, false);
  }

  /** {@code mmap_gfind} in CPython: normalise the bounds, then search. */
  private long search(byte[] sub, long start, long end, boolean forward) {
    Objects.requireNonNull(sub, "sub");
    Mapping m = enter();
    try {
      long found = ByteSearch.pythonFind(m.segment(), m.length(), sub, start, end, forward);
      FaultBarrier.poll();
      return found;
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /**
   * Whether {@code needle} occurs anywhere in the map, whatever the position (Kotlin's {@code
   * needle in m}). An empty needle is always contained. Unlike Python's {@code x in m}, which
   * compares single items, this is a substring search.
   */
  public boolean contains(byte[] needle) {
    return search(needle, 0, Long.MAX_VALUE, true) >= 0;
  }

  /**
   * The start indices of the non-overlapping occurrences of {@code needle} in the whole map,
   * ascending, found lazily; the position is neither used nor moved.
   *
   * @throws IllegalArgumentException {@code empty needle}
   */
  public PrimitiveIterator.OfLong findAllIndices(byte[] needle) {
    Objects.requireNonNull(needle, "needle");
    current(); // a closed map reports that first, before any argument error (java-api.md §3)
    if (needle.length == 0) {
      throw Errors.invalid("empty needle");
    }
    byte[] copy = needle.clone();
    return new PrimitiveIterator.OfLong() {
      private long next = search(copy, 0, Long.MAX_VALUE, true);

      @Override
      public boolean hasNext() {
        return next >= 0;
      }

      @Override
      public long nextLong() {
        if (next < 0) {
          throw new NoSuchElementException();
        }
        long found = next;
        next = search(copy, found + copy.length, Long.MAX_VALUE, true);
        return found;
      }
    };
  }

  /**
   * The lines from the position on, each as {@link #readLine()} returns it, read lazily; iterating
   * advances the position. Ends at the end of the map.
   */
  public Iterator<byte[]> lineIterator() {
    return new Iterator<>() {
      private byte[] next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = readLine();
        }
        return next.length > 0;
      }

      @Override
      public byte[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        byte[] line = next;
        next = null;
        return line;
      }
    };
  }

  // --- memory and file
  // -----------------------------------------------------------------------------

  /**
   * Copies {@code count} bytes from {@code src} to {@code dest}, correctly when the ranges overlap;
   * like {@code m.move(dest, src, count)}. The position does not move.
   *
   * @throws UnsupportedOperationException on a READ map (before the bounds are checked)
   * @throws IllegalArgumentException {@code source, destination, or count out of range}
   */
  public void move(long dest, long src, long count) {
    Mapping m = enter();
    try {
      checkWritable();
      long n = m.length();
      if (dest < 0 || src < 0 || count < 0 || n - dest < count || n - src < count) {
        throw Errors.invalid("source, destination, or count out of range");
      }
      MemorySegment.copy(m.segment(), src, m.segment(), dest, count);
      FaultBarrier.poll();
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /** Writes the whole map back to the file; like {@code m.flush()}. */
  public void flush() throws IOException {
    Mapping m = current();
    flush(0, m.length());
  }

  /**
   * Writes {@code size} bytes from {@code offset} back to storage ({@code msync}); like {@code
   * m.flush(offset, size)}. A no-op on READ and COPY maps (after the range check).
   *
   * @throws IllegalArgumentException {@code flush values out of range}
   * @throws IOException {@code [Errno 22] Invalid argument} if {@code offset} is not a multiple of
   *     {@link #PAGESIZE}
   */
  public void flush(long offset, long size) throws IOException {
    Mapping m = enter();
    try {
      if (size < 0 || offset < 0 || m.length() - offset < size) {
        throw Errors.invalid("flush values out of range");
      }
      if (!access.writable() || access == Access.COPY) {
        return;
      }
      if (offset % PAGESIZE != 0) {
        throw Errors.os(Errno.EINVAL);
      }
      if (channel != null && size > 0) {
        m.force(offset, size);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  /** {@code m.madvise(option)} over the whole map. */
  public void madvise(Madvise option) throws IOException {
    madvise(option, 0, current().length());
  }

  /** {@code m.madvise(option, start)}: from {@code start} to the end. */
  public void madvise(Madvise option, long start) throws IOException {
    madvise(option, start, current().length());
  }

  /**
   * Advises the kernel about {@code length} bytes from {@code start}; like {@code m.madvise(option,
   * start, length)}. A length reaching past the end is clamped. With native access this is {@code
   * madvise(2)}; without it, WILLNEED loads the range, DONTNEED unloads it, and the rest are
   * validated no-ops.
   *
   * @throws IllegalArgumentException {@code madvise start out of bounds}, {@code madvise length
   *     invalid}, {@code madvise length too large}
   * @throws IOException {@code [Errno 22] Invalid argument} if {@code start} is not page-aligned,
   *     or the kernel's error
   */
  public void madvise(Madvise option, long start, long length) throws IOException {
    Objects.requireNonNull(option, "option");
    Mapping m = enter();
    try {
      long n = m.length();
      if (start < 0 || start >= n) {
        throw Errors.invalid("madvise start out of bounds");
      }
      if (length < 0) {
        throw Errors.invalid("madvise length invalid");
      }
      if (Long.MAX_VALUE - start < length) {
        throw Errors.invalid("madvise length too large");
      }
      long count = Math.min(length, n - start);
      if (start % PAGESIZE != 0
          || (option == Madvise.FREE && !(channel == null && access == Access.COPY))) {
        // MADV_FREE works only on private anonymous memory: CPython's ACCESS_COPY anonymous maps.
        throw Errors.os(Errno.EINVAL);
      }
      if (count > 0) {
        Advice.apply(m, channel == null, access, option, start, count, PAGESIZE);
        trackFlags(option, start, count);
      }
    } catch (InternalError e) {
      throw truncated(e, m);
    } finally {
      leave(m);
    }
  }

  private void trackFlags(Madvise option, long start, long count) {
    if (channel == null || !access.resizable() || !VmaFlags.changesFlags(option)) {
      return;
    }
    synchronized (flagsLock) { // not `lock`: close() may hold it waiting for this operation
      if (vmaFlags == null) {
        vmaFlags = new VmaFlags();
      }
      vmaFlags.advise(option, start / PAGESIZE, roundUpToPage(start + count) / PAGESIZE);
    }
  }

  private static long roundUpToPage(long value) {
    long rest = value % PAGESIZE;
    return rest == 0 ? value : value + (PAGESIZE - rest);
  }

  /**
   * Changes the map's length to {@code newSize} and, for a file map, the file's length to {@code
   * offset() + newSize}; like {@code m.resize(newsize)}. Bytes below the smaller size are kept, new
   * bytes read as 0, and the position is never clamped (it may end up past the end).
   *
   * @throws UnsupportedOperationException on READ and COPY maps
   * @throws IllegalArgumentException {@code new size out of range} for a negative size; growing an
   *     anonymous map ({@code mmap: can't expand a shared anonymous mapping on Linux})
   * @throws IOException {@code [Errno 22] Invalid argument} for 0 (the file and the map are left as
   *     they were), {@code [Errno 27] File too large}
   * @throws IllegalStateException if closed, or if a borrowed channel was closed by its owner
   */
  public void resize(long newSize) throws IOException {
    synchronized (lock) {
      Mapping m = current();
      if (channel != null && !channel.isOpen()) {
        throw Errors.channelClosed();
      }
      if (!access.resizable()) {
        throw Errors.notResizable();
      }
      if (newSize < 0 || Long.MAX_VALUE - newSize < offset) {
        // mmap_resize_method: offset + newsize must fit Py_ssize_t too.
        throw Errors.invalid("new size out of range");
      }
      if (channel == null && newSize > m.length()) {
        throw Errors.invalid("mmap: can't expand a shared anonymous mapping on Linux");
      }
      if (newSize == 0) {
        throw Errors.os(Errno.EINVAL); // before touching the file, unlike CPython (hazard H4)
      }
      if (channel == null) {
        Mapping next = m.shrunk(newSize); // the same memory: nothing to unmap
        mapping = next;
        quiescence.awaitQuiet(m); // but close() must not miss guests of the old record
        resources.replaceMapping(next);
        return;
      }
      resizeFile(m, newSize);
    }
  }

  private void resizeFile(Mapping old, long newSize) throws IOException {
    long target = offset + newSize;
    if (target < 0) {
      throw Errors.os(Errno.EFBIG);
    }
    long fileSize = channel.size();
    long oldPages = roundUpToPage(old.length()) / PAGESIZE;
    long newPages = roundUpToPage(newSize) / PAGESIZE;
    if (newPages > oldPages && !isOneVma(oldPages)) {
      // CPython: ftruncate() succeeded, then mremap() refused a range split by madvise.
      setFileLength(fileSize, target);
      throw Errors.os(Errno.EFAULT);
    }
    if (target > fileSize) {
      extendFile(target);
    }
    Mapping next;
    try {
      next = Mapping.ofFile(channel, path, FileChannel.MapMode.READ_WRITE, offset, newSize);
    } catch (IOException | RuntimeException e) {
      if (target > fileSize) {
        channel.truncate(fileSize);
      }
      throw e;
    }
    mapping = next;
    quiescence.awaitQuiet(old);
    resources.replaceMapping(next);
    if (target < fileSize) {
      channel.truncate(target);
    }
    if (newPages != oldPages) {
      synchronized (flagsLock) {
        if (vmaFlags != null) {
          // Growing forgets past the old end too: mremap(2) extends the last VMA, so new pages
          // take the last page's flags, not a run that advice ending at the old end left there.
          vmaFlags.truncate(Math.min(newPages, oldPages));
        }
      }
    }
  }

  private boolean isOneVma(long pages) {
    synchronized (flagsLock) {
      return vmaFlags == null || vmaFlags.isOneVma(pages);
    }
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

  /**
   * The length of the whole file now, whatever the map's offset and length; like {@code m.size()}.
   *
   * @throws IOException {@code [Errno 9] Bad file descriptor} for an anonymous map
   * @throws IllegalStateException if closed, or if a borrowed channel was closed by its owner
   */
  public long size() throws IOException {
    current();
    if (channel == null) {
      throw Errors.os(Errno.EBADF);
    }
    if (!channel.isOpen()) {
      throw Errors.channelClosed();
    }
    return channel.size();
  }

  /** The access mode; works on a closed map too. */
  public Access access() {
    return access;
  }

  /** The file offset the map starts at (0 for anonymous maps); works on a closed map too. */
  public long offset() {
    return offset;
  }

  /** Whether {@link #close()} was called; like {@code m.closed}. */
  public boolean isClosed() {
    return mapping == null;
  }

  /**
   * Like CPython's {@code repr(m)}: {@code Mmap[closed=false, access=READ, length=10, pos=0,
   * offset=0]}, or {@code Mmap[closed=true]}.
   */
  @Override
  public String toString() {
    Mapping m = mapping;
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
        + offset
        + "]";
  }

  /**
   * Unmaps the memory and closes the channel this map opened (a borrowed channel stays open); like
   * {@code m.close()}. Idempotent. Waits for operations in flight on other threads to leave the
   * mapping first.
   */
  @Override
  public void close() {
    synchronized (lock) {
      Mapping m = mapping;
      if (m == null) {
        return;
      }
      mapping = null;
      quiescence.awaitQuiet(m);
      cleanable.clean();
    }
  }
}
