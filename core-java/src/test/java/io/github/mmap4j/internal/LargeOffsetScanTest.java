package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel on a 5 GiB sparse file mapped whole: offsets beyond 2 GiB and 4 GiB, where an {@code
 * int} anywhere in the index arithmetic would wrap. Only a few MiB around each target are scanned.
 */
class LargeOffsetScanTest {
  private static final long SIZE = 5L << 30;
  private static final long NEEDLE_AT = (4L << 30) + 12_345; // beyond 4 GiB, unaligned
  private static final long BYTE_AT = (2L << 30) + 7; // beyond 2 GiB
  private static final long AROUND = 1 << 20;
  private static final byte MARK = 0x7F;
  private static final byte[] NEEDLE =
      "a needle beyond four GiB".getBytes(StandardCharsets.US_ASCII);

  private static Arena arena;
  private static MemorySegment map;

  @BeforeAll
  static void mapSparseFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sparse.bin");
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(NEEDLE), NEEDLE_AT);
      ch.write(ByteBuffer.wrap(NEEDLE), SIZE - NEEDLE.length); // ends exactly at the end
      ch.write(ByteBuffer.wrap(new byte[] {MARK}), BYTE_AT);
    }
    arena = Arena.ofShared();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      map = ch.map(FileChannel.MapMode.READ_ONLY, 0, SIZE, arena);
    }
  }

  @AfterAll
  static void unmap() {
    arena.close();
  }

  static Stream<Named<ScanKernel>> kernels() {
    return Kernels.all().stream().map(k -> Named.of(k.name(), k));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void needleBeyondFourGiBIsFoundBothWays(ScanKernel k) {
    assertEquals(NEEDLE_AT, k.find(map, NEEDLE_AT - AROUND, NEEDLE_AT + AROUND, NEEDLE));
    assertEquals(NEEDLE_AT, k.rfind(map, NEEDLE_AT - AROUND, NEEDLE_AT + AROUND, NEEDLE));
    assertEquals(-1, k.find(map, NEEDLE_AT + 1, NEEDLE_AT + AROUND, NEEDLE));
    assertEquals(-1, k.rfind(map, NEEDLE_AT - AROUND, NEEDLE_AT + NEEDLE.length - 1, NEEDLE));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void needleEndingAtTheEndOfTheMapIsFound(ScanKernel k) {
    long last = SIZE - NEEDLE.length;
    assertEquals(last, k.find(map, SIZE - AROUND, SIZE, NEEDLE));
    assertEquals(last, k.rfind(map, SIZE - AROUND, SIZE, NEEDLE));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void byteBeyondTwoGiBIsFoundBothWays(ScanKernel k) {
    assertEquals(BYTE_AT, k.indexOf(map, BYTE_AT - AROUND, BYTE_AT + AROUND, MARK));
    assertEquals(BYTE_AT, k.lastIndexOf(map, BYTE_AT - AROUND, BYTE_AT + AROUND, MARK));
    assertEquals(-1, k.indexOf(map, BYTE_AT + 1, BYTE_AT + AROUND, MARK));
    assertEquals(-1, k.lastIndexOf(map, BYTE_AT - AROUND, BYTE_AT, MARK));
  }

  @Test
  void pythonBoundsCountFromTheEndOfAFiveGiBMap() {
    long start = NEEDLE_AT - SIZE - 10; // negative: 10 bytes before the needle
    assertEquals(NEEDLE_AT, ByteSearch.pythonFind(map, SIZE, NEEDLE, start, -AROUND, true));
    assertEquals(NEEDLE_AT, ByteSearch.pythonFind(map, SIZE, NEEDLE, start, NEEDLE_AT + 99, false));
  }
}
