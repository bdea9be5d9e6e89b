package io.github.mmap4j.file;

import static io.github.mmap4j.testing.Bytes.filled;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * CPython's test_repr, adapted to {@code toString()}: every access mode, maps of 50 bytes to 10 MB
 * at offsets of half the file rounded down to the granularity, positions 0, 1/10, 1/5 and 1/4.
 */
class FileMmapReprTest extends FileFixture {
  @Test
  void toStringNamesAccessLengthPositionAndOffset() throws IOException {
    for (int mapsize : new int[] {50, 100, 1_000, 1_000_000, 10_000_000}) {
      long offset = (long) mapsize / 2 / Mmap.ALLOCATIONGRANULARITY * Mmap.ALLOCATIONGRANULARITY;
      long length = mapsize - offset;
      Path file = file("repr" + mapsize, filled(mapsize, 'a'));
      for (Access access : Access.values()) {
        for (long pos : new long[] {0, length / 10, length / 5, length / 4}) {
          assertRepr(Mmap.open(file, length, access, offset), access, length, pos, offset);
        }
      }
    }
  }

  private static void assertRepr(Mmap m, Access access, long length, long pos, long offset) {
    try (m) {
      m.seek(pos);
      assertEquals(
          "Mmap[closed=false, access="
              + access
              + ", length="
              + length
              + ", pos="
              + pos
              + ", offset="
              + offset
              + "]",
          m.toString());
    }
    assertEquals("Mmap[closed=true]", m.toString());
  }
}
