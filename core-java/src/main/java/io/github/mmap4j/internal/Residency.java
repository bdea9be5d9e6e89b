package io.github.mmap4j.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Which pages of a mapping are in physical memory, and bringing them in: {@code Mmap.isLoaded},
 * {@code residentBytes} and {@code load}. Callers are inside the map's {@link Gate}.
 *
 * <p>With native access a map's segment is a plain address to the JDK (see {@link FileMaps}), so
 * {@code MemorySegment.isLoaded()} and {@code load()} do not apply: residency comes from {@code
 * mincore(2)} and loading is {@code madvise(MADV_WILLNEED)} plus a read of one byte per page.
 * Without native access the segments are JDK-mapped and the JDK answers (it calls the same two
 * functions); the anonymous fallback allocated with {@code Arena.allocate} was zero-filled, and so
 * touched, when it was made, so it is loaded.
 *
 * <p>Neither {@code mincore} nor {@code madvise} reads a page, so neither can fault on a page the
 * file lost; the reads of the load loop can, and they run inside the gate, which turns that fault
 * into {@code MmapTruncatedException}.
 */
final class Residency {
  private static final long PAGE = PageSize.detect();
  private static final long PAGES_PER_QUERY = 1 << 16; // a 64 KiB vector per mincore call
  private static final int MADV_WILLNEED = 3;

  @SuppressWarnings("unused") // written so that the JIT keeps the reads of the load loop
  private static byte touched;

  private Residency() {}

  /** Whether every page of {@code segment[0, length)} is resident. */
  static boolean isLoaded(MemorySegment segment, long length) throws IOException {
    if (NativeOs.available()) {
      return residentBytes(segment, 0, length) == length;
    }
    return !segment.isMapped() || segment.asSlice(0, length).isLoaded();
  }

  /**
   * The bytes of {@code segment[from, to)} that lie on resident pages.
   *
   * @throws UnsupportedOperationException without native access: the JDK asks {@code mincore} only
   *     for a whole segment's yes or no
   */
  static long residentBytes(MemorySegment segment, long from, long to) throws IOException {
    if (!NativeOs.available()) {
      throw new UnsupportedOperationException(
          "residentBytes needs native access: run with --enable-native-access=io.github.mmap4j"
              + " (ALL-UNNAMED on the class path)");
    }
    long start = segment.address() + from;
    long end = segment.address() + to;
    long total = 0;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment vec = arena.allocate(PAGES_PER_QUERY);
      for (long chunk = pageStart(start); chunk < end; chunk += PAGES_PER_QUERY * PAGE) {
        long chunkEnd = Math.min(end, chunk + PAGES_PER_QUERY * PAGE);
        NativeOs.mincore(MemorySegment.ofAddress(chunk), chunkEnd - chunk, vec);
        long page = chunk;
        for (long i = 0; page < chunkEnd; i++, page += PAGE) {
          if ((vec.get(ValueLayout.JAVA_BYTE, i) & 1) != 0) {
            total += Math.min(end, page + PAGE) - Math.max(start, page);
          }
        }
      }
    }
    return total;
  }

  /**
   * Brings the pages of {@code segment[from, to)} into memory: advice to read ahead, then one read
   * per page, which faults each page in (or throws the JVM's {@code InternalError} for a page the
   * file lost).
   */
  static void load(MemorySegment segment, long from, long to) {
    if (from >= to) {
      return;
    }
    if (!NativeOs.available() && segment.isMapped()) {
      segment.asSlice(from, to - from).load(); // the JDK's madvise and page loop, as below
      return;
    }
    long base = segment.address();
    readAhead(base, from, to);
    byte sum = 0;
    for (long at = from; at < to; at += PAGE - Math.floorMod(base + at, PAGE)) {
      sum ^= segment.get(ValueLayout.JAVA_BYTE, at); // one byte of each page, the first in range
    }
    touched = sum;
  }

  /**
   * Asks the kernel to read {@code [base + from, base + to)} ahead ({@code MADV_WILLNEED}). Only a
   * hint: the page reads of {@link #load} bring the pages in anyway, so the mutation run excludes
   * this method (docs/testing.md).
   */
  private static void readAhead(long base, long from, long to) {
    if (!NativeOs.available()) {
      return; // a heap segment (see above): nothing to read ahead
    }
    long pageStart = pageStart(base + from);
    try {
      NativeOs.madvise(MemorySegment.ofAddress(pageStart), base + to - pageStart, MADV_WILLNEED);
    } catch (IOException e) {
      // Only a hint, see above.
    }
  }

  private static long pageStart(long address) {
    return address - Math.floorMod(address, PAGE);
  }
}
