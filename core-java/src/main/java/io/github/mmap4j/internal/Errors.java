package io.github.mmap4j.internal;

import io.github.mmap4j.MmapTruncatedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;

/**
 * Every exception mmap4j throws, built in one place. Messages are CPython's word for word (see
 * {@code Modules/mmapmodule.c}); the Java types follow CPython's exception as docs/semantics.md
 * §15.3 maps it. Factories take the figures of the failed call.
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
    return new IndexOutOfBoundsException("mmap index out of range");
  }

  public static IndexOutOfBoundsException readByteOutOfRange(long position, long length) {
    return new IndexOutOfBoundsException("read byte out of range");
  }

  public static IndexOutOfBoundsException writeByteOutOfRange(long position, long length) {
    return new IndexOutOfBoundsException("write byte out of range");
  }

  public static IndexOutOfBoundsException dataOutOfRange(long position, long count, long length) {
    return new IndexOutOfBoundsException("data out of range");
  }

  public static IndexOutOfBoundsException seekOutOfRange(long target, long length) {
    return new IndexOutOfBoundsException("seek out of range");
  }

  /** A Kotlin closed progression reaching outside the map: not CPython's, so it names them. */
  public static IndexOutOfBoundsException progressionOutOfRange(
      long first, long last, long step, long length) {
    return new IndexOutOfBoundsException(
        "mmap index out of range: "
            + PythonSlice.describeClosed(first, last, step)
            + " reaches outside 0..<"
            + length);
  }

  // --- values and sizes (CPython's other ValueErrors and OverflowErrors) ---

  public static IllegalArgumentException byteTooBig(int value) {
    return new IllegalArgumentException("unsigned byte integer is greater than maximum");
  }

  public static IllegalArgumentException byteTooSmall(int value) {
    return new IllegalArgumentException("unsigned byte integer is less than minimum");
  }

  public static IllegalArgumentException itemValue(int value) {
    return new IllegalArgumentException("mmap item value must be in range(0, 256)");
  }

  public static IllegalArgumentException wrongSize(long sliceCount, long valueLength) {
    return new IllegalArgumentException("mmap slice assignment is wrong size");
  }

  /** The Kotlin form of {@link #wrongSize}: names the range and, for {@code a..b}, the fix. */
  public static IllegalArgumentException wrongSizeClosed(
      long first, long last, long step, long count, long valueLength) {
    String hint =
        step == 1 && count == valueLength + 1
            ? "; Python's m[" + first + ":" + last + "] is " + first + "..<" + last
            : "";
    return new IllegalArgumentException(
        "mmap slice assignment is wrong size: "
            + PythonSlice.describeClosed(first, last, step)
            + " holds "
            + count
            + " bytes, the value has "
            + valueLength
            + hint);
  }

  public static IllegalArgumentException stepZero() {
    return new IllegalArgumentException("slice step cannot be zero");
  }

  public static IllegalArgumentException moveOutOfRange(
      long dest, long src, long count, long length) {
    return new IllegalArgumentException("source, destination, or count out of range");
  }

  public static IllegalArgumentException flushOutOfRange(long offset, long size, long length) {
    return new IllegalArgumentException("flush values out of range");
  }

  public static IllegalArgumentException madviseStartOutOfBounds(long start, long length) {
    return new IllegalArgumentException("madvise start out of bounds");
  }

  public static IllegalArgumentException madviseLengthInvalid(long length) {
    return new IllegalArgumentException("madvise length invalid");
  }

  public static IllegalArgumentException madviseLengthTooLarge(long start, long length) {
    return new IllegalArgumentException("madvise length too large");
  }

  public static IllegalArgumentException newSizeOutOfRange(long newSize, long offset) {
    return new IllegalArgumentException("new size out of range");
  }

  public static IllegalArgumentException cannotExpandAnonymous(long length, long newSize) {
    return new IllegalArgumentException("mmap: can't expand a shared anonymous mapping on Linux");
  }

  public static IllegalArgumentException lengthNegative() {
    return new IllegalArgumentException("memory mapped length must be positive");
  }

  public static IllegalArgumentException offsetNegative() {
    return new IllegalArgumentException("memory mapped offset must be positive");
  }

  public static IllegalArgumentException emptyFile() {
    return new IllegalArgumentException("cannot mmap an empty file");
  }

  public static IllegalArgumentException offsetBeyondFile(long offset, long fileSize) {
    return new IllegalArgumentException("mmap offset is greater than file size");
  }

  public static IllegalArgumentException lengthBeyondFile(long length, long offset, long fileSize) {
    return new IllegalArgumentException("mmap length is greater than file size");
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

  public static IOException unalignedOffset(long offset, long granularity) {
    return os(Errno.EINVAL);
  }

  public static IOException unalignedFlush(long offset, long pageSize) {
    return os(Errno.EINVAL);
  }

  public static IOException unalignedAdvice(long start, long pageSize) {
    return os(Errno.EINVAL);
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
