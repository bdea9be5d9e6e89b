package io.github.mmap4j.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code channel()}: a {@link SeekableByteChannel} over the map's position and length. */
class ChannelTest {
  @TempDir Path dir;

  private static ByteBuffer ascii(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static String text(ByteBuffer buffer) {
    return StandardCharsets.US_ASCII.decode(buffer.flip()).toString();
  }

  private Path dots(int length) throws IOException {
    return Files.writeString(dir.resolve("dots.txt"), ".".repeat(length));
  }

  @Test
  void writeThenPositionThenReadRoundTrips() throws IOException {
    Path file = dots(12);
    try (Mmap m = Mmap.open(file, Access.WRITE);
        SeekableByteChannel channel = m.channel()) {
      assertEquals(12, channel.size());
      assertEquals(5, channel.position(3).write(ascii("hello")));
      assertEquals(8, channel.position());
      ByteBuffer back = ByteBuffer.allocate(7);
      assertEquals(7, channel.position(1).read(back));
      assertEquals("..hello", text(back));
      assertEquals(8, m.tell());
    }
    assertEquals("...hello....", Files.readString(file));
  }

  @Test
  void theChannelsPositionIsTheMaps() throws IOException {
    try (Mmap m = Mmap.anonymous(10)) {
      SeekableByteChannel channel = m.channel();
      m.seek(4);
      assertEquals(4, channel.position());
      channel.position(7);
      assertEquals(7, m.tell());
    }
  }

  @Test
  void readingAtOrPastTheEndGivesMinusOne() throws IOException {
    try (Mmap m = Mmap.anonymous(10)) {
      SeekableByteChannel channel = m.channel();
      assertEquals(-1, channel.position(10).read(ByteBuffer.allocate(1)));
      assertEquals(-1, channel.position(1000).read(ByteBuffer.allocate(1)));
      assertEquals(1000, m.tell());
      assertEquals(0, channel.position(0).read(ByteBuffer.allocate(0)));
    }
  }

  @Test
  void aWritePastTheEndWritesNothing() throws IOException {
    Path file = dots(6);
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      ByteBuffer src = ascii("abcd");
      IOException e = assertThrows(IOException.class, () -> m.channel().position(4).write(src));
      assertEquals("data out of range (position 4, length 6, data 4 bytes)", e.getMessage());
      assertEquals(0, src.position());
      assertEquals(4, m.tell());
    }
    assertEquals("......", Files.readString(file));
  }

  @Test
  void aNegativePositionIsIllegal() throws IOException {
    try (Mmap m = Mmap.anonymous(10)) {
      assertThrows(IllegalArgumentException.class, () -> m.channel().position(-1));
    }
  }

  @Test
  void truncatingToTheLengthOrMoreMovesOnlyThePosition() throws IOException {
    try (Mmap m = Mmap.anonymous(10)) {
      SeekableByteChannel channel = m.channel().position(30);
      assertSame(channel, channel.truncate(20));
      assertEquals(20, channel.position());
      assertEquals(10, channel.truncate(10).size());
      assertEquals(10, m.length());
    }
  }

  @Test
  void truncatingBelowTheLengthIsUnsupported() throws IOException {
    try (Mmap m = Mmap.anonymous(10)) {
      UnsupportedOperationException e =
          assertThrows(UnsupportedOperationException.class, () -> m.channel().truncate(4));
      assertEquals(
          "a map's channel cannot truncate it; use Mmap.resize (size 4, length 10)",
          e.getMessage());
      assertEquals(10, m.length());
    }
  }

  @Test
  void aReadMapGivesANonWritableChannel() throws IOException {
    try (Mmap m = Mmap.open(dots(4), Access.READ)) {
      SeekableByteChannel channel = m.channel();
      assertThrows(NonWritableChannelException.class, () -> channel.write(ascii("x")));
      assertThrows(NonWritableChannelException.class, () -> channel.truncate(8));
      assertEquals(4, channel.read(ByteBuffer.allocate(8)));
    }
  }

  @Test
  void closingTheChannelLeavesTheMapOpen() throws IOException {
    try (Mmap m = Mmap.anonymous(4)) {
      SeekableByteChannel channel = m.channel();
      channel.close();
      assertFalse(channel.isOpen());
      assertFalse(m.isClosed());
      assertThrows(ClosedChannelException.class, () -> channel.read(ByteBuffer.allocate(1)));
      assertThrows(ClosedChannelException.class, channel::position);
    }
  }

  @Test
  void aClosedMapClosesItsChannels() throws IOException {
    Mmap m = Mmap.anonymous(4);
    SeekableByteChannel channel = m.channel();
    assertTrue(channel.isOpen());
    m.close();
    assertFalse(channel.isOpen());
    for (ThrowingCall call :
        new ThrowingCall[] {
          () -> channel.read(ByteBuffer.allocate(1)),
          () -> channel.write(ascii("x")),
          channel::size,
          channel::position,
          () -> channel.position(1),
        }) {
      ClosedChannelException e = assertThrows(ClosedChannelException.class, call::run);
      assertInstanceOf(IllegalStateException.class, e.getCause());
    }
  }

  @Test
  void fileChannelTransferFromCopiesTheMap() throws IOException {
    Path source = Files.writeString(dir.resolve("source.txt"), "mapped bytes, copied");
    Path target = dir.resolve("target.txt");
    try (Mmap m = Mmap.open(source);
        FileChannel out =
            FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      assertEquals(20, out.transferFrom(m.channel(), 0, 100));
    }
    assertEquals("mapped bytes, copied", Files.readString(target));
  }

  @Test
  void channelsNewStreamsWorkOverTheChannel() throws IOException {
    try (Mmap m = Mmap.anonymous(11)) {
      Channels.newOutputStream(m.channel()).write("via channel".getBytes(StandardCharsets.UTF_8));
      m.seek(4);
      assertArrayEquals(
          "channel".getBytes(StandardCharsets.UTF_8),
          Channels.newInputStream(m.channel()).readAllBytes());
    }
  }

  @FunctionalInterface
  private interface ThrowingCall {
    Object run() throws IOException;
  }
}
