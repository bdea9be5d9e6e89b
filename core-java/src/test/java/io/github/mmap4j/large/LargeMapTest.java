package io.github.mmap4j.large;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maps beyond 2 GiB through one segment: reads, writes, searches and lines straddling 2^31 and
 * 2^32, and offsets beyond 4 GiB. The 5 GiB file is sparse, so it costs no disk.
 */
class LargeMapTest {
  private static final long TWO_GIB = 1L << 31;
  private static final long FOUR_GIB = 1L << 32;
  private static final long FILE_SIZE = 5L << 30;
  private static final byte[] TAIL = "  DEARdear  ".getBytes(StandardCharsets.US_ASCII);

  @TempDir static Path dir;
  static Path file;

  @BeforeAll
  static void sparseFile() throws IOException {
    file = sparseFile("sparse.bin");
  }

  private static Path sparseFile(String name) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(FILE_SIZE);
      for (long center : new long[] {TWO_GIB, FOUR_GIB}) {
        raf.seek(center - 6);
        raf.write(TAIL);
      }
    }
    return file;
  }

  @Test
  void sliceAndGetStraddle2GiBAnd4GiB() throws IOException {
    try (Mmap m = Mmap.open(file)) {
      assertEquals(FILE_SIZE, m.length());
      for (long center : new long[] {TWO_GIB, FOUR_GIB}) {
        assertArrayEquals(TAIL, m.slice(center - 6, center + 6));
        assertEquals('E', m.get(center - 3));
        assertEquals('d', m.get(center - FILE_SIZE)); // negative index from the end
      }
    }
  }

  @Test
  void findAndRfindAcross2GiBAnd4GiB() throws IOException {
    try (Mmap m = Mmap.open(file)) {
      byte[] needle = "DEARdear".getBytes(StandardCharsets.US_ASCII);
      // Bounded windows: reading gigabytes of holes would only measure page faults.
      assertEquals(TWO_GIB - 4, m.find(needle, TWO_GIB - 4096, TWO_GIB + 4096));
      assertEquals(FOUR_GIB - 4, m.rfind(needle, FOUR_GIB - 65536, FOUR_GIB + 65536));
      assertEquals(-1, m.find(needle, TWO_GIB - 3, TWO_GIB + 65536));
      assertEquals(TWO_GIB + 3, m.find(new byte[] {'r'}, TWO_GIB - 100, TWO_GIB + 100));
      assertEquals(FOUR_GIB - 1, m.rfind(new byte[] {'R'}, FOUR_GIB - 100, FOUR_GIB + 100));
    }
  }

  @Test
  void readLineEndsPast4GiB() throws IOException {
    try (Mmap m = Mmap.open(file, Access.COPY)) {
      m.set(FOUR_GIB + 2, '\n');
      m.seek(FOUR_GIB - 6);
      assertArrayEquals("  DEARde\n".getBytes(StandardCharsets.US_ASCII), m.readLine());
      assertEquals(FOUR_GIB + 3, m.tell());
    }
  }

  @Test
  void writesStraddling2GiBReachTheFile() throws IOException {
    Path file = sparseFile("written.bin");
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      m.seek(TWO_GIB - 2);
      m.write(new byte[] {1, 2, 3, 4});
      m.setSlice(FOUR_GIB - 1, FOUR_GIB + 1, new byte[] {5, 6});
      m.move(TWO_GIB + 100, TWO_GIB - 2, 4);
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      byte[] got = new byte[4];
      raf.seek(TWO_GIB + 100);
      raf.readFully(got);
      assertArrayEquals(new byte[] {1, 2, 3, 4}, got);
      raf.seek(FOUR_GIB - 1);
      assertEquals(5, raf.read());
      assertEquals(6, raf.read());
    }
  }

  @Test
  void offsetBeyond4GiB() throws IOException {
    long offset = FOUR_GIB + 64L * Mmap.PAGESIZE;
    try (Mmap m = Mmap.open(file, 0, Access.READ, offset)) {
      assertEquals(FILE_SIZE - offset, m.length());
      assertEquals(offset, m.offset());
      assertEquals(FILE_SIZE, m.size());
      // The marks at 4 GiB lie before the offset: not in the map. (Windows at both ends: a search
      // over the whole gigabyte of holes would only measure page faults.)
      byte[] de = {'D', 'E'};
      assertEquals(-1, m.find(de, 0, 1 << 20));
      assertEquals(-1, m.rfind(de, m.length() - (1 << 20)));
    }
  }

  @Test
  void largeFileSizeIsTheWholeFile() throws IOException {
    try (Mmap m = Mmap.open(file, 0x10000, Access.READ)) { // CPython test_large_filesize
      assertEquals(FILE_SIZE, m.size());
      assertEquals(0x10000, m.length());
    }
    assertEquals(FILE_SIZE, Files.size(file));
  }
}
