package io.github.mmap4j.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;

/**
 * The shared contract on {@code Mmap.anonymous(n, access)} filled by {@code write}. What only
 * anonymous memory does (zero fill, no growth, EBADF for {@code size()}) is in {@code
 * anonymous.AnonymousMmapTest}.
 */
class AnonymousMmapContractTest extends MmapContract {
  @Override
  Mmap create(byte[] content, Access access) {
    Mmap m = Mmap.anonymous(content.length, access);
    if (access == Access.READ) {
      // Read-only anonymous memory cannot be filled; callers of READ maps pass zeros.
      assertArrayEquals(new byte[content.length], content, "READ anonymous maps are all zero");
    } else {
      m.write(content);
      m.seek(0);
    }
    return m;
  }

  @Override
  public long mapOffset() {
    return 0;
  }
}
