package io.github.mmap4j.internal;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** What {@code madvise} does to a mapping, natively or emulated. */
public final class Advice {
  private Advice() {}

  /**
   * Applies {@code option} to {@code count > 0} bytes from the page-aligned {@code start}. With
   * native access a file map gets the real {@code madvise(2)}; without it WILLNEED loads the range,
   * DONTNEED unloads it and the rest do nothing. Anonymous memory is emulated in every case.
   */
  public static void apply(
      Mapping m,
      boolean anonymous,
      Access access,
      Madvise option,
      long start,
      long count,
      int pageSize)
      throws IOException {
    MemorySegment range = m.segment().asSlice(start, count);
    if (anonymous) {
      adviseAnonymous(m, access == Access.COPY, option, start, count, pageSize);
      return;
    }
    if (NativeOs.available()) {
      int errno = NativeOs.madvise(range, count, option.value());
      if (errno != 0) {
        throw Errors.os(errno);
      }
      return;
    }
    switch (option) {
      case WILLNEED -> range.load();
      case DONTNEED -> range.unload();
      default -> {}
    }
  }

  /**
   * CPython's anonymous maps are MAP_SHARED (advice keeps their content, except MADV_REMOVE, which
   * frees the pages), but ACCESS_COPY ones are MAP_PRIVATE (MADV_DONTNEED zero-fills, MADV_REMOVE
   * is EINVAL). Our anonymous memory is a private allocation, so the kernel is not asked.
   */
  private static void adviseAnonymous(
      Mapping m, boolean isPrivate, Madvise option, long start, long count, int pageSize)
      throws IOException {
    if (isPrivate && option == Madvise.REMOVE) {
      throw Errors.os(Errno.EINVAL);
    }
    if (option == (isPrivate ? Madvise.DONTNEED : Madvise.REMOVE)) {
      long end = Math.min(m.length(), roundUp(start + count, pageSize));
      m.segment().asSlice(start, end - start).fill((byte) 0);
    }
  }

  private static long roundUp(long value, int pageSize) {
    long rest = value % pageSize;
    return rest == 0 ? value : value + (pageSize - rest);
  }
}
