package io.github.mmap4j.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inputStream()} keeps {@code InputStream}'s promises and shares the map's position. */
class InputStreamContractTest {
  private static final byte[] TEN = "0123456789".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  private Mmap tenBytes() throws IOException {
    return Mmap.open(Files.write(dir.resolve("ten.txt"), TEN), Access.WRITE);
  }

  @Test
  void readReturnsEachByteThenMinusOneAtTheEnd() throws IOException {
    try (Mmap m = tenBytes()) {
      InputStream in = m.inputStream();
      for (byte expected : TEN) {
        assertEquals(expected, in.read());
      }
      assertEquals(-1, in.read());
      assertEquals(-1, in.read(new byte[4], 0, 4));
    }
  }

  @Test
  void readOfZeroBytesReturnsZeroEvenAtTheEnd() throws IOException {
    try (Mmap m = tenBytes()) {
      m.seek(10);
      assertEquals(0, m.inputStream().read(new byte[4], 2, 0));
    }
  }

  @Test
  void readReturnsTheBytesLeftWhenFewerThanAsked() throws IOException {
    try (Mmap m = tenBytes()) {
      m.seek(7);
      byte[] buffer = new byte[8];
      assertEquals(3, m.inputStream().read(buffer, 1, 7));
      assertArrayEquals(new byte[] {0, '7', '8', '9', 0, 0, 0, 0}, buffer);
    }
  }

  @Test
  void badOffsetAndLengthAreIndexOutOfBounds() throws IOException {
    try (Mmap m = tenBytes()) {
      InputStream in = m.inputStream();
      assertThrows(IndexOutOfBoundsException.class, () -> in.read(new byte[4], 3, 2));
      assertThrows(IndexOutOfBoundsException.class, () -> in.read(new byte[4], -1, 1));
      assertEquals(0, m.tell());
    }
  }

  @Test
  void theStreamStartsAtTheMapsPositionAndMovesIt() throws IOException {
    try (Mmap m = tenBytes()) {
      m.seek(4);
      InputStream in = m.inputStream();
      assertEquals('4', in.read());
      assertEquals(5, m.tell());
      assertEquals('5', m.readByte());
      assertEquals('6', in.read());
    }
  }

  @Test
  void availableIsTheBytesLeftAndZeroPastTheEnd() throws IOException {
    try (Mmap m = tenBytes()) {
      InputStream in = m.inputStream();
      m.seek(3);
      assertEquals(7, in.available());
      m.seek(8);
      m.resize(5); // the position stays at 8, past the end
      assertEquals(0, in.available());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void skipNeverMovesBackwardsOrPastTheEnd() throws IOException {
    try (Mmap m = tenBytes()) {
      InputStream in = m.inputStream();
      m.seek(4);
      assertEquals(0, in.skip(-3));
      assertEquals(3, in.skip(3));
      assertEquals(3, in.skip(Long.MAX_VALUE));
      assertEquals(10, m.tell());
      assertEquals(0, in.skip(1));
    }
  }

  @Test
  void skipPastTheEndOfAShrunkMapSkipsNothing() throws IOException {
    try (Mmap m = tenBytes()) {
      m.seek(9);
      m.resize(4);
      assertEquals(0, m.inputStream().skip(5));
      assertEquals(9, m.tell());
    }
  }

  @Test
  void resetReturnsToTheMarkedPosition() throws IOException {
    try (Mmap m = tenBytes()) {
      InputStream in = m.inputStream();
      in.skip(2);
      in.mark(0); // the read limit does not matter: nothing is buffered
      assertArrayEquals("2345".getBytes(StandardCharsets.US_ASCII), in.readNBytes(4));
      in.reset();
      assertEquals(2, m.tell());
      assertEquals('2', in.read());
    }
  }

  @Test
  void resetWithoutAMarkFails() throws IOException {
    try (Mmap m = tenBytes()) {
      IOException e = assertThrows(IOException.class, () -> m.inputStream().reset());
      assertEquals("Resetting to invalid mark", e.getMessage());
    }
  }

  @Test
  void readNBytesAndReadAllBytesReadTheRest() throws IOException {
    try (Mmap m = tenBytes()) {
      InputStream in = m.inputStream();
      assertArrayEquals("012".getBytes(StandardCharsets.US_ASCII), in.readNBytes(3));
      assertArrayEquals("3456789".getBytes(StandardCharsets.US_ASCII), in.readNBytes(20));
      assertArrayEquals(new byte[0], in.readAllBytes());
      assertThrows(IllegalArgumentException.class, () -> in.readNBytes(-1));
    }
  }

  @Test
  void closingTheStreamLeavesTheMapOpen() throws IOException {
    try (Mmap m = tenBytes()) {
      InputStream in = m.inputStream();
      in.close();
      in.close();
      assertFalse(m.isClosed());
      assertEquals('0', m.readByte());
      assertEquals("Stream closed", assertThrows(IOException.class, in::read).getMessage());
      assertEquals("Stream closed", assertThrows(IOException.class, in::available).getMessage());
    }
  }

  @Test
  void aClosedMapMakesEveryReadAnIOException() throws IOException {
    Mmap m = tenBytes();
    InputStream in = m.inputStream();
    m.close();
    for (var read :
        Arrays.<IoCall>asList(in::read, in::available, () -> in.skip(1), in::readAllBytes)) {
      IOException e = assertThrows(IOException.class, read::run);
      assertEquals("mmap closed or invalid", e.getMessage());
      assertInstanceOf(IllegalStateException.class, e.getCause());
    }
  }

  @Test
  void aStreamOfAClosedMapCannotBeMade() throws IOException {
    Mmap m = tenBytes();
    m.close();
    assertEquals(
        "mmap closed or invalid",
        assertThrows(IllegalStateException.class, m::inputStream).getMessage());
  }

  @Test
  void aFileTruncatedUnderTheMapIsAnIOException() throws IOException {
    Path file = Files.write(dir.resolve("shrinks.bin"), new byte[3 * Mmap.PAGESIZE]);
    try (Mmap m = Mmap.open(file)) {
      try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
        other.truncate(10);
      }
      IOException e = assertThrows(IOException.class, () -> m.inputStream().readAllBytes());
      assertInstanceOf(MmapTruncatedException.class, e.getCause());
    }
  }

  /** Random calls agree with {@link ByteArrayInputStream} over the same bytes. */
  @Test
  void agreesWithByteArrayInputStreamOnRandomCalls() throws IOException {
    Random random = new Random(20_250_601);
    byte[] content = new byte[4_000];
    random.nextBytes(content);
    try (Mmap m = Mmap.open(Files.write(dir.resolve("random.bin"), content))) {
      for (int run = 0; run < 50; run++) {
        m.seek(0);
        InputStream actual = m.inputStream();
        InputStream expected = new ByteArrayInputStream(content);
        expected.mark(0);
        actual.mark(0);
        for (int call = 0; call < 60; call++) {
          int n = random.nextInt(300);
          String step =
              switch (random.nextInt(6)) {
                case 0 -> same(expected.read(), actual.read());
                case 1 -> same(expected.skip(n - 20), actual.skip(n - 20));
                case 2 -> same(expected.available(), actual.available());
                case 3 ->
                    Arrays.equals(expected.readNBytes(n), actual.readNBytes(n)) ? "" : "readNBytes";
                case 4 -> {
                  expected.mark(0);
                  actual.mark(0);
                  yield "";
                }
                default -> {
                  // at least 1 byte: ByteArrayInputStream gives -1, not 0, for 0 bytes at its end
                  byte[] a = new byte[n + 2];
                  byte[] b = new byte[n + 2];
                  yield same(expected.read(a, 1, n + 1), actual.read(b, 1, n + 1))
                      + (Arrays.equals(a, b) ? "" : "content");
                }
              };
          assertEquals("", step, "run " + run + ", call " + call);
          assertEquals(content.length - expected.available(), m.tell());
        }
        expected.reset();
        actual.reset();
        assertEquals(content.length - expected.available(), m.tell());
      }
    }
  }

  private static String same(long expected, long actual) {
    return expected == actual ? "" : "expected " + expected + ", got " + actual;
  }

  @FunctionalInterface
  private interface IoCall {
    Object run() throws IOException;
  }
}
