package io.github.mmap4j.internal;

import static io.github.mmap4j.internal.MessageFigures.bytes;
import static io.github.mmap4j.internal.MessageFigures.sum;
import static io.github.mmap4j.internal.MessageFigures.target;
import static io.github.mmap4j.internal.MessageFigures.withFigures;

import io.github.mmap4j.MmapTruncatedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;

/**
 * Every exception mmap4j throws, built in one place. A message starts with CPython's words exactly
 * (see {@code Modules/mmapmodule.c}); where CPython leaves out the figures of the failed call
 * (index, length, position, sizes, the value given), they follow in parentheses: {@code mmap index
 * out of range (index -100, length 67)}. Messages without figures are CPython's alone. The Java
 * types follow CPython's exception as docs/semantics.md §15.3 maps it. {@code MessageFigures} words
 * the figures.
 */
public final class Errors {
  private Errors() {}

  // --- state ---

  public static IllegalStateException closed() {
    return new IllegalStateException("mmap closed or invalid");
  }

  public static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("mmap can't modify a readonly memory map.");
  }

  public static UnsupportedOperationException notResizable() {
    return new UnsupportedOperationException(
        "mmap can't resize a readonly or copy-on-write memory map.");
  }

  /** A borrowed channel that its owner closed: {@code size()} and {@code resize()} need it. */
  public static IllegalStateException channelClosed() {
    return new IllegalStateException(
        "mmap's FileChannel was closed by its owner: size() and resize() need it open");
  }

  // --- positions and indices (CPython's IndexError, and ValueErrors mapped to index errors) ---

  public static IndexOutOfBoundsException indexOutOfRange(long index, long length) {
    return new IndexOutOfBoundsException(
        withFigures("mmap index out of range", "index " + index + ", length " + length));
  }

  /** Bulk and word access: {@code count} bytes from {@code index} do not lie in the map. */
  public static IndexOutOfBoundsException indexOutOfRange(long index, long count, long length) {
    return new IndexOutOfBoundsException(
        withFigures(
            "mmap index out of range",
            "index " + index + ", length " + length + ", data " + bytes(count)));
  }

  /** {@code withSegment(from, to)}: the view {@code [from, to)} does not lie in the map. */
  public static IndexOutOfBoundsException viewOutOfRange(long from, long to, long length) {
    return new IndexOutOfBoundsException(
        withFigures(
            "mmap index out of range", "from " + from + ", to " + to + ", length " + length));
  }

  public static IndexOutOfBoundsException readByteOutOfRange(long position, long length) {
    return new IndexOutOfBoundsException(
        withFigures("read byte out of range", "position " + position + ", length " + length));
  }

  public static IndexOutOfBoundsException writeByteOutOfRange(long position, long length) {
    return new IndexOutOfBoundsException(
        withFigures("write byte out of range", "position " + position + ", length " + length));
  }

  public static IndexOutOfBoundsException dataOutOfRange(long position, long count, long length) {
    return new IndexOutOfBoundsException(
        withFigures(
            "data out of range",
            "position " + position + ", length " + length + ", data " + bytes(count)));
  }

  /** {@code seek(offset, whence)}: {@code base} is where {@code whence} counts from. */
  public static IndexOutOfBoundsException seekOutOfRange(long base, long offset, long length) {
    return new IndexOutOfBoundsException(
        withFigures("seek out of range", "target " + target(base, offset) + ", length " + length));
  }

  /** A Kotlin closed progression reaching outside the map, named as Kotlin writes it. */
  public static IndexOutOfBoundsException progressionOutOfRange(
      long first, long last, long step, long length) {
    return new IndexOutOfBoundsException(
        withFigures(
            "mmap index out of range",
            PythonSlice.describeClosed(first, last, step) + " reaches outside 0..<" + length));
  }

  // --- values and sizes (CPython's other ValueErrors and OverflowErrors) ---

  public static IllegalArgumentException byteTooBig(int value) {
    return new IllegalArgumentException(
        withFigures("unsigned byte integer is greater than maximum", "value " + value));
  }

  public static IllegalArgumentException byteTooSmall(int value) {
    return new IllegalArgumentException(
        withFigures("unsigned byte integer is less than minimum", "value " + value));
  }

  public static IllegalArgumentException itemValue(int value) {
    return new IllegalArgumentException(
        withFigures("mmap item value must be in range(0, 256)", "value " + value));
  }

  /** {@code m[start:stop:step] = value}, written as Python would (the step only when not 1). */
  public static IllegalArgumentException wrongSize(
      long start, long stop, long step, long sliceCount, long valueLength) {
    String slice = start + ":" + stop + (step == 1 ? "" : ":" + step);
    return new IllegalArgumentException(
        withFigures(
            "mmap slice assignment is wrong size",
            "slice " + slice + " holds " + bytes(sliceCount) + ", value has " + valueLength));
  }

  /** The Kotlin form of {@link #wrongSize}: names the range and, for {@code a..b}, the fix. */
  public static IllegalArgumentException wrongSizeClosed(
      long first, long last, long step, long count, long valueLength) {
    String hint =
        step == 1 && count == valueLength + 1
            ? "; Python's m[" + first + ":" + last + "] is " + first + "..<" + last
            : "";
    return new IllegalArgumentException(
        withFigures(
            "mmap slice assignment is wrong size",
            PythonSlice.describeClosed(first, last, step)
                + " holds "
                + bytes(count)
                + ", value has "
                + valueLength
                + hint));
  }

  public static IllegalArgumentException stepZero() {
    return new IllegalArgumentException("slice step cannot be zero");
  }

  public static IllegalArgumentException moveOutOfRange(
      long dest, long src, long count, long length) {
    return new IllegalArgumentException(
        withFigures(
            "source, destination, or count out of range",
            "dest " + dest + ", src " + src + ", count " + count + ", length " + length));
  }

  public static IllegalArgumentException flushOutOfRange(long offset, long size, long length) {
    return new IllegalArgumentException(
        withFigures(
            "flush values out of range",
            "offset " + offset + ", size " + size + ", length " + length));
  }

  public static IllegalArgumentException madviseStartOutOfBounds(long start, long length) {
    return new IllegalArgumentException(
        withFigures("madvise start out of bounds", "start " + start + ", length " + length));
  }

  public static IllegalArgumentException madviseLengthInvalid(long length) {
    return new IllegalArgumentException(withFigures("madvise length invalid", "length " + length));
  }

  public static IllegalArgumentException madviseLengthTooLarge(long start, long length) {
    return new IllegalArgumentException(
        withFigures("madvise length too large", sum("start", start, "length", length)));
  }

  public static IllegalArgumentException newSizeOutOfRange(long newSize, long offset) {
    String figures =
        newSize < 0 ? "new size " + newSize : sum("offset", offset, "new size", newSize);
    return new IllegalArgumentException(withFigures("new size out of range", figures));
  }

  public static IllegalArgumentException cannotExpandAnonymous(long length, long newSize) {
    return new IllegalArgumentException(
        withFigures(
            "mmap: can't expand a shared anonymous mapping on Linux",
            "length " + length + ", new size " + newSize));
  }

  public static IllegalArgumentException lengthNegative(long length) {
    return new IllegalArgumentException(
        withFigures("memory mapped length must be positive", "length " + length));
  }

  public static IllegalArgumentException offsetNegative(long offset) {
    return new IllegalArgumentException(
        withFigures("memory mapped offset must be positive", "offset " + offset));
  }

  public static IllegalArgumentException emptyFile() {
    return new IllegalArgumentException("cannot mmap an empty file");
  }

  public static IllegalArgumentException offsetBeyondFile(long offset, long fileSize) {
    return new IllegalArgumentException(
        withFigures(
            "mmap offset is greater than file size",
            "offset " + offset + ", file size " + fileSize));
  }

  public static IllegalArgumentException lengthBeyondFile(long length, long offset, long fileSize) {
    String figures =
        (offset == 0 ? "" : "offset " + offset + ", ")
            + "length "
            + length
            + ", file size "
            + fileSize;
    return new IllegalArgumentException(
        withFigures("mmap length is greater than file size", figures));
  }

  /** Not CPython's: its {@code find_all} has no Java twin; an empty needle would never advance. */
  public static IllegalArgumentException emptyNeedle() {
    return new IllegalArgumentException("empty needle");
  }

  /** Not CPython's: a Java array holds at most {@code Integer.MAX_VALUE - 8} bytes. */
  public static IllegalArgumentException arrayTooLarge(long count) {
    return new IllegalArgumentException(
        "cannot copy " + count + " bytes into a Java array (at most 2147483639)");
  }

  // --- the OS (CPython's OSError) ---

  /** {@code OSError} with an errno, formatted like CPython's {@code str(OSError)}. */
  public static IOException os(int errno) {
    return new IOException(Errno.describe(errno));
  }

  /** {@code EINVAL} with the figures that made the call invalid. */
  private static IOException invalid(String figures) {
    return new IOException(withFigures(Errno.describe(Errno.EINVAL), figures));
  }

  public static IOException unalignedOffset(long offset, long granularity) {
    return invalid(
        "offset " + offset + " is not a multiple of ALLOCATIONGRANULARITY " + granularity);
  }

  public static IOException unalignedFlush(long offset, long pageSize) {
    return invalid("flush offset " + offset + " is not a multiple of PAGESIZE " + pageSize);
  }

  public static IOException unalignedAdvice(long start, long pageSize) {
    return invalid("madvise start " + start + " is not a multiple of PAGESIZE " + pageSize);
  }

  /** {@code mmap(-1, 0)}: an anonymous map cannot be empty. */
  public static IOException anonymousLengthZero() {
    return invalid("length 0");
  }

  /** {@code resize(0)}: a map cannot be empty. */
  public static IOException resizeToZero() {
    return invalid("new size 0");
  }

  /** {@code PermissionError}: an {@link AccessDeniedException} whose message is CPython's. */
  public static AccessDeniedException permission() {
    return new AccessDeniedException(null, null, Errno.describe(Errno.EACCES));
  }

  /** ACCESS_COPY of a channel the JDK cannot map privately; the advice depends on the setup. */
  public static IOException copyOfReadOnlyChannel(boolean nativeAccess) {
    String advice =
        nativeAccess
            ? " (the JDK maps a borrowed channel privately only when it is open for writing:"
                + " open the map with Mmap.open(path, Access.COPY) instead)"
            : " needs native access (run with --enable-native-access=io.github.mmap4j, or"
                + " ALL-UNNAMED on the class path, and open the map with Mmap.open(path, …))";
    return new IOException(
        Errno.describe(Errno.EACCES)
            + ": ACCESS_COPY of a file that is not open for writing"
            + advice);
  }

  /** A scoped view of memory the JDK cannot map a second time needs {@code reinterpret}. */
  public static UnsupportedOperationException viewNeedsNativeAccess() {
    return new UnsupportedOperationException(
        "withSegment on a copy-on-write map or on heap-allocated anonymous memory needs native"
            + " access (run with --enable-native-access=io.github.mmap4j, or ALL-UNNAMED on the"
            + " class path)");
  }

  /** CPython's BufferError texts: closing or resizing inside one's own view would deadlock. */
  public static IllegalStateException viewsExported(boolean resizing) {
    return new IllegalStateException(
        resizing
            ? "mmap can't resize with extant buffers exported. (this thread is inside withSegment)"
            : "cannot close exported pointers exist (this thread is inside withSegment)");
  }

  /** Atomic access needs an index that is a multiple of the word size. */
  public static IllegalArgumentException unalignedAtomic(long index, int size) {
    return new IllegalArgumentException(
        "index " + index + " is not aligned: atomic access needs a multiple of " + size);
  }

  public static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e.getMessage(), e);
  }

  /** Where CPython dies of SIGBUS: a page of the map that the file no longer has was touched. */
  public static MmapTruncatedException truncated(
      InternalError fault, long mapOffset, long mapLength, String fileSizeNow) {
    return new MmapTruncatedException(
        "the file shrank under the mapping: the map covers file bytes "
            + mapOffset
            + ".."
            + (mapOffset + mapLength)
            + ", the file now has "
            + fileSizeNow,
        fault);
  }
}
