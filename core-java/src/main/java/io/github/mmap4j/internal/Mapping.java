package io.github.mmap4j.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One mapped (or allocated) region: its memory, what releases it, and every kind of access to it
 * that {@code Mmap} needs. A resize makes a new one, so operations that entered the old mapping are
 * told apart from those that entered the new one (see {@link Gate}). {@code length} may be smaller
 * than the segment when an anonymous map shrank in place.
 *
 * <p>The accessors check nothing: {@code Mmap} has checked the arguments in CPython's order before
 * it calls them, inside {@link Gate}.
 */
public final class Mapping {
  private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  private static final byte NEWLINE = '\n';
  private static final VarHandle GUESTS;

  static {
    try {
      GUESTS = MethodHandles.lookup().findVarHandle(Mapping.class, "guests", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final AtomicLong GENERATIONS = new AtomicLong();

  private final long generation = GENERATIONS.incrementAndGet(); // never 0: see Presence
  private final Runnable release;
  private final MemorySegment segment;
  private final long length;
  private final boolean syncedNatively;
  private final Remap remap; // null with native access, or where the memory cannot be mapped again

  @SuppressWarnings("unused") // accessed through GUESTS
  private volatile int guests;

  /**
   * Maps a range of the same memory once more, into another arena: how a scoped view is made
   * without native access (with it, the segment is simply given another scope).
   */
  @FunctionalInterface
  interface Remap {
    MemorySegment map(long from, long length, Arena arena) throws IOException;
  }

  /**
   * @param syncedNatively whether the memory came from {@code mmap(2)} (native access is on): it is
   *     flushed with {@code msync(2)} and views get another scope with {@code reinterpret}
   * @param remap how to map a range again for a view without native access, or null
   */
  Mapping(
      Runnable release, MemorySegment segment, long length, boolean syncedNatively, Remap remap) {
    this.release = release;
    this.segment = segment;
    this.length = length;
    this.syncedNatively = syncedNatively;
    this.remap = remap;
  }

  // --- lifecycle ---

  /** The map's length, {@code len(m)}. */
  public long length() {
    return length;
  }

  /** This mapping's number, unique in the JVM and never 0, as a {@link Presence} records it. */
  long generation() {
    return generation;
  }

  /** The memory, for the internal classes that work on segments (search, advice, views). */
  MemorySegment segment() {
    return segment;
  }

  /** Whether both give back the same memory (a shrunk anonymous map and its original do). */
  boolean sharesMemoryWith(Mapping other) {
    return release == other.release;
  }

  /** Unmaps or frees the memory. Only once nothing is inside it (see {@link Gate}). */
  void release() {
    release.run();
  }

  /** A copy that exposes only the first {@code newLength} bytes of the same memory. */
  Mapping shrunk(long newLength) {
    return new Mapping(release, segment, newLength, syncedNatively, remap);
  }

  /** Counts an atomically counted operation (a virtual thread's) in. */
  void enterGuest() {
    GUESTS.getAndAdd(this, 1);
  }

  /** Counts it out again. */
  void exitGuest() {
    GUESTS.getAndAdd(this, -1);
  }

  boolean hasGuests() {
    return (int) GUESTS.getVolatile(this) != 0;
  }

  // --- bytes ---

  /** The byte at {@code index}, 0..255. */
  public int byteAt(long index) {
    return Byte.toUnsignedInt(segment.get(BYTE, index));
  }

  /** Stores {@code value} at {@code index}. */
  public void putByte(long index, byte value) {
    segment.set(BYTE, index, value);
  }

  /** A new array with the {@code count} bytes from {@code from}. */
  public byte[] copyOut(long from, long count) {
    return SegmentCopies.copyOut(segment, from, count);
  }

  /** A new array with the bytes a slice selects. */
  public byte[] copyOut(PythonSlice slice) {
    return SegmentCopies.copyOut(segment, slice);
  }

  /** Stores {@code value} at the indices a slice selects ({@code value.length == count}). */
  public void copyIn(PythonSlice slice, byte[] value) {
    SegmentCopies.copyIn(segment, slice, value);
  }

  /** Stores all of {@code data} from {@code at}. */
  public void copyIn(long at, byte[] data) {
    copyIn(at, data, 0, data.length);
  }

  /** Stores {@code src[off..off+count)} from {@code at}. */
  public void copyIn(long at, byte[] src, int off, int count) {
    MemorySegment.copy(src, off, segment, BYTE, at, count);
  }

  /** Copies {@code count} bytes from {@code from} into {@code dst[off..off+count)}. */
  public void copyOut(long from, byte[] dst, int off, int count) {
    MemorySegment.copy(segment, BYTE, from, dst, off, count);
  }

  /** Copies {@code count} bytes from {@code from} into {@code dst} at its position (not moved). */
  public void copyOut(long from, ByteBuffer dst, int count) {
    MemorySegment.copy(segment, from, MemorySegment.ofBuffer(dst), 0, count);
  }

  /** Stores {@code count} bytes of {@code src} from its position (not moved) at {@code at}. */
  public void copyIn(long at, ByteBuffer src, int count) {
    MemorySegment.copy(MemorySegment.ofBuffer(src), 0, segment, at, count);
  }

  /** memmove within the mapping. */
  public void move(long dest, long src, long count) {
    MemorySegment.copy(segment, src, segment, dest, count);
  }

  // --- words: typed (any alignment, either byte order) and atomic (aligned, native order) ---

  /** The 2 bytes at {@code index} as a {@code short} in {@code order}. */
  public short getShort(long index, ByteOrder order) {
    return segment.get(WordLayouts.shorts(order), index);
  }

  /** Stores a {@code short} in {@code order} at {@code index}. */
  public void setShort(long index, short value, ByteOrder order) {
    segment.set(WordLayouts.shorts(order), index, value);
  }

  /** The 4 bytes at {@code index} as an {@code int} in {@code order}. */
  public int getInt(long index, ByteOrder order) {
    return segment.get(WordLayouts.ints(order), index);
  }

  /** Stores an {@code int} in {@code order} at {@code index}. */
  public void setInt(long index, int value, ByteOrder order) {
    segment.set(WordLayouts.ints(order), index, value);
  }

  /** The 8 bytes at {@code index} as a {@code long} in {@code order}. */
  public long getLong(long index, ByteOrder order) {
    return segment.get(WordLayouts.longs(order), index);
  }

  /** Stores a {@code long} in {@code order} at {@code index}. */
  public void setLong(long index, long value, ByteOrder order) {
    segment.set(WordLayouts.longs(order), index, value);
  }

  /** A volatile read of the aligned {@code int} at {@code index}. */
  public int getIntVolatile(long index) {
    return (int) WordLayouts.ATOMIC_INT.getVolatile(segment, index);
  }

  /** A volatile write of the aligned {@code int} at {@code index}. */
  public void setIntVolatile(long index, int value) {
    WordLayouts.ATOMIC_INT.setVolatile(segment, index, value);
  }

  /** Atomically sets the aligned {@code int} at {@code index} if it equals {@code expected}. */
  public boolean compareAndSetInt(long index, int expected, int value) {
    return WordLayouts.ATOMIC_INT.compareAndSet(segment, index, expected, value);
  }

  /** Atomically adds {@code delta} to the aligned {@code int} at {@code index}. */
  public int getAndAddInt(long index, int delta) {
    return (int) WordLayouts.ATOMIC_INT.getAndAdd(segment, index, delta);
  }

  /** A volatile read of the aligned {@code long} at {@code index}. */
  public long getLongVolatile(long index) {
    return (long) WordLayouts.ATOMIC_LONG.getVolatile(segment, index);
  }

  /** A volatile write of the aligned {@code long} at {@code index}. */
  public void setLongVolatile(long index, long value) {
    WordLayouts.ATOMIC_LONG.setVolatile(segment, index, value);
  }

  /** An acquiring read of the aligned {@code long} at {@code index}. */
  public long getLongAcquire(long index) {
    return (long) WordLayouts.ATOMIC_LONG.getAcquire(segment, index);
  }

  /** A releasing write of the aligned {@code long} at {@code index}. */
  public void setLongRelease(long index, long value) {
    WordLayouts.ATOMIC_LONG.setRelease(segment, index, value);
  }

  /** Atomically sets the aligned {@code long} at {@code index} if it equals {@code expected}. */
  public boolean compareAndSetLong(long index, long expected, long value) {
    return WordLayouts.ATOMIC_LONG.compareAndSet(segment, index, expected, value);
  }

  /** Atomically adds {@code delta} to the aligned {@code long} at {@code index}. */
  public long getAndAddLong(long index, long delta) {
    return (long) WordLayouts.ATOMIC_LONG.getAndAdd(segment, index, delta);
  }

  // --- scoped views ---

  /**
   * Runs {@code action} with a segment over {@code [from, from + length)} of this memory, valid
   * only until it returns: the segment belongs to a confined arena closed then, so later use throws
   * {@code IllegalStateException} and use from another thread {@code WrongThreadException}, never a
   * read of unmapped memory.
   *
   * @throws UnsupportedOperationException without native access, for memory that cannot be mapped a
   *     second time (private maps, heap-allocated anonymous memory)
   */
  public <R> R withView(
      long from, long length, boolean readOnly, Function<MemorySegment, R> action) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment view = scoped(from, length, arena);
      return action.apply(readOnly ? view.asReadOnly() : view);
    }
  }

  @SuppressWarnings("restricted") // reinterpret only when the memory came from mmap(2)
  private MemorySegment scoped(long from, long length, Arena arena) {
    if (syncedNatively) {
      return segment.asSlice(from, length).reinterpret(arena, null);
    }
    if (remap == null) {
      throw Errors.viewNeedsNativeAccess();
    }
    try {
      return remap.map(from, length, arena);
    } catch (IOException e) {
      throw Errors.unchecked(e);
    }
  }

  // --- search ---

  /** {@code m.find}/{@code m.rfind} over the whole length, bounds as CPython normalises them. */
  public long find(byte[] sub, long start, long end, boolean forward) {
    return ByteSearch.pythonFind(segment, length, sub, start, end, forward);
  }

  /** Where a line starting at {@code from < length} ends: after its {@code '\n'}, or the end. */
  public long lineEnd(long from) {
    long newline = ByteSearch.indexOf(segment, from, length, NEWLINE);
    return newline < 0 ? length : newline + 1;
  }

  // --- file ---

  /**
   * Writes {@code size} bytes from {@code offset} back to the file ({@code msync(MS_SYNC)}, what
   * CPython's {@code flush} calls). Only for file mappings.
   */
  void force(long offset, long size) throws IOException {
    MemorySegment range = segment.asSlice(offset, size);
    if (syncedNatively) {
      NativeOs.msync(range, size);
      return;
    }
    try {
      range.force();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  // --- residency: Mmap.isLoaded, residentBytes and load (see Residency) ---

  /** Whether every page of the map is in physical memory now. */
  public boolean isLoaded() {
    try {
      return Residency.isLoaded(segment, length);
    } catch (IOException e) {
      throw Errors.unchecked(e);
    }
  }

  /**
   * The bytes of {@code [from, to)} that lie on resident pages; {@link
   * UnsupportedOperationException} without native access (see {@link Residency}).
   */
  public long residentBytes(long from, long to) {
    try {
      return Residency.residentBytes(segment, from, to);
    } catch (IOException e) {
      throw Errors.unchecked(e);
    }
  }

  /**
   * Reads the pages of {@code [from, to)} in; a page the file lost throws {@link InternalError}.
   */
  public void load(long from, long to) {
    Residency.load(segment, from, to);
  }
}
