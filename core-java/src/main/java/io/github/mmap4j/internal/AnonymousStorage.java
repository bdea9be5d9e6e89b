package io.github.mmap4j.internal;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.MmapTruncatedException;
import java.io.IOException;

/**
 * {@code mmap.mmap(-1, n)}: zero-filled memory with no file behind it (see {@link
 * AnonymousMemory}). It can shrink but never grow, as on CPython 3.13+ ({@code can't expand a
 * shared anonymous mapping}).
 */
public final class AnonymousStorage extends Storage {
  private final boolean copyOnWrite;
  private final int pageSize;

  private AnonymousStorage(Mapping first, boolean copyOnWrite, int pageSize) {
    super(first);
    this.copyOnWrite = copyOnWrite;
    this.pageSize = pageSize;
  }

  /**
   * {@code length > 0} bytes of zeros for a map of {@code access}.
   *
   * @throws IOException {@code [Errno 12] Cannot allocate memory}
   */
  public static AnonymousStorage allocate(long length, Access access, int pageSize)
      throws IOException {
    boolean copyOnWrite = access == Access.COPY;
    Mapping first = AnonymousMemory.allocate(length, access != Access.READ, copyOnWrite, pageSize);
    return new AnonymousStorage(first, copyOnWrite, pageSize);
  }

  @Override
  public long offset() {
    return 0;
  }

  @Override
  public long size() throws IOException {
    throw Errors.os(Errno.EBADF); // CPython ≤ 3.14 has no descriptor to fstat
  }

  @Override
  public void checkResizable() {}

  @Override
  public void resize(long newSize) throws IOException {
    gate().checkNoViewHere(true);
    synchronized (lock) {
      Mapping old = gate().current();
      if (newSize > old.length()) {
        throw Errors.cannotExpandAnonymous(old.length(), newSize);
      }
      if (newSize == 0) {
        throw Errors.resizeToZero(); // like CPython, but before anything changed
      }
      switchTo(old, old.shrunk(newSize)); // same memory: waits, releases nothing
    }
  }

  @Override
  public void flush(Mapping m, long offset, long size) {}

  @Override
  public void madvise(Mapping m, Madvise option, long start, long count) throws IOException {
    Advice.anonymous(m, copyOnWrite, option, start, count, pageSize);
  }

  @Override
  MmapTruncatedException truncated(InternalError fault, Mapping m) {
    return Errors.truncated(fault, 0, m.length(), "no file");
  }
}
