package io.github.mmap4j;

import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/** {@link Mmap#findAllIndices}: each step is one {@code find} after the previous match. */
final class Matches implements PrimitiveIterator.OfLong {
  private final Mmap map;
  private final byte[] needle;
  private long next;

  Matches(Mmap map, byte[] needle) {
    this.map = map;
    this.needle = needle;
    this.next = map.find(needle, 0, Long.MAX_VALUE);
  }

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
    next = map.find(needle, found + needle.length, Long.MAX_VALUE);
    return found;
  }
}
