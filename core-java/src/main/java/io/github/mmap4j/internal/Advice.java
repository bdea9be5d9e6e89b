package io.github.mmap4j.internal;

import io.github.mmap4j.Madvise;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** What {@code madvise} does to a mapping, natively or emulated. */
final class Advice {
  private Advice() {}

  /**
   * A file map: the real {@code madvise(2)} with native access; without it WILLNEED loads the
   * range, DONTNEED unloads it and the rest do nothing. {@code MADV_FREE} works only on private
   * anonymous memory, so the kernel refuses it here. For zero bytes the kernel returns before it
   * looks at the memory, so nothing fails then.
   */
  static void file(Mapping m, Madvise option, long start, long count) throws IOException {
    if (count == 0) {
      return;
    }
    if (option == Madvise.FREE) {
      throw Errors.os(Errno.EINVAL);
    }
    MemorySegment range = m.segment().asSlice(start, count);
    if (NativeOs.available()) {
      NativeOs.madvise(range, count, option.value());
      return;
    }
    switch (option) {
      case WILLNEED -> range.load();
      case DONTNEED -> range.unload();
      default -> {}
    }
  }

  /**
   * Anonymous memory, emulated whether or not native access is on, so that the content follows
   * CPython's deterministically: its anonymous maps are MAP_SHARED (advice keeps their content,
   * except MADV_REMOVE, which frees the pages) but ACCESS_COPY ones are MAP_PRIVATE (MADV_DONTNEED
   * zero-fills, MADV_REMOVE is EINVAL, MADV_FREE is allowed).
   */
  static void anonymous(
      Mapping m, boolean isPrivate, Madvise option, long start, long count, int pageSize)
      throws IOException {
    if (count == 0) {
      return;
    }
    if (option == (isPrivate ? Madvise.REMOVE : Madvise.FREE)) {
      throw Errors.os(Errno.EINVAL); // FREE needs private memory, REMOVE shared memory
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
