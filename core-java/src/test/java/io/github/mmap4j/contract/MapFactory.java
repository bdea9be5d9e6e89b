package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.bytes;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;

/**
 * What every shared contract needs: a live map over given bytes. Implemented once by {@link
 * MmapContract}; the topic interfaces ({@link FindContract}, …) hold the tests as default methods
 * so that each stays a small file while all of them run on every kind of map.
 */
interface MapFactory {
  /**
   * A map of {@code content.length} bytes equal to {@code content}, with the given access.
   * Anonymous READ maps cannot be written, so READ callers pass all-zero content.
   */
  Mmap map(byte[] content, Access access) throws IOException;

  /** The file offset of byte 0 ({@link Mmap#offset()}): 0, or PAGESIZE for the offset variant. */
  long mapOffset();

  default Mmap map(String content) throws IOException {
    return map(bytes(content), Access.DEFAULT);
  }

  /** docs/semantics.md §14's {@code m10}: ten writable bytes {@code 0123456789}. */
  default Mmap m10() throws IOException {
    return map("0123456789");
  }

  default Mmap readOnly(int length) throws IOException {
    return map(new byte[length], Access.READ);
  }

  default Mmap closed() throws IOException {
    Mmap m = m10();
    m.close();
    return m;
  }
}
