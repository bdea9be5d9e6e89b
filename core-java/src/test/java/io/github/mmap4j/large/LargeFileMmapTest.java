package io.github.mmap4j.large;

import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.file.FileFixture;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * CPython's LargeMmapTests: sparse files of 2–6 GiB (the tail is the only data written), so
 * offsets, lengths and indices beyond 2^31 and 2^32 must stay {@code long} all the way down.
 */
class LargeFileMmapTest extends FileFixture {
  /** CPython's _make_test_file: {@code zeroes} sparse zero bytes, then {@code tail}. */
  private Path sparseFile(long zeroes, String tail) throws IOException {
    Path file = dir.resolve("large");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(zeroes);
      raf.seek(zeroes);
      raf.write(bytes(tail));
    }
    return file;
  }

  /** test_large_offset: a 256 MiB window at 5 GiB; its last byte is the tail's space. */
  @Test
  void offsetBeyondFourGigabytes() throws IOException {
    Path file = sparseFile(0x14FFFFFFFL, " ");
    Mmap m = track(Mmap.open(file, 0, Access.READ, 0x140000000L));
    assertEquals(0x10000000L, m.length());
    assertEquals(32, m.get(0xFFFFFFFL));
    assertEquals(0x140000000L, m.offset());
  }

  /** test_large_filesize, the 64-bit part: size() of a 6 GiB file through a 64 KiB map. */
  @Test
  void sizeOfASixGigabyteFile() throws IOException {
    Path file = sparseFile(0x17FFFFFFFL, " ");
    Mmap m = track(Mmap.open(file, 0x10000, Access.READ));
    assertEquals(0x180000000L, m.size());
    assertEquals(0x10000, m.length());
  }

  /** test_around_2GB: a slice straddling 2^31 in a map of the whole file. */
  @Test
  void sliceAroundTwoGigabytes() throws IOException {
    assertTailAround(1L << 31);
  }

  /** test_around_4GB: the same around 2^32. */
  @Test
  void sliceAroundFourGigabytes() throws IOException {
    assertTailAround(1L << 32);
  }

  private void assertTailAround(long boundary) throws IOException {
    String tail = "  DEARdear  ";
    long start = boundary - tail.length() / 2;
    Mmap m = track(Mmap.open(sparseFile(start, tail), 0, Access.READ));
    assertEquals(start + tail.length(), m.length());
    assertEquals(tail, str(m.slice(start, start + tail.length())));
    assertEquals(start + 6, m.find(bytes("dear"), start - 100));
  }
}
