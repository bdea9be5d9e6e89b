package io.github.mmap4j.internal;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

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

  @SuppressWarnings("unused") // accessed through GUESTS
  private volatile int guests;

  Mapping(Runnable release, MemorySegment segment, long length, boolean syncedNatively) {
    this.release = release;
    this.segment = segment;
    this.length = length;
    this.syncedNatively = syncedNatively;
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
    return new Mapping(release, segment, newLength, syncedNatively);
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
    MemorySegment.copy(data, 0, segment, BYTE, at, data.length);
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
}
