package io.github.mmap4j;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** {@link Mmap#lineIterator}: one {@link Mmap#readLine()} ahead of the caller. */
final class Lines implements Iterator<byte[]> {
  private final Mmap map;
  private byte[] next;

  Lines(Mmap map) {
    this.map = map;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = map.readLine();
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
}
