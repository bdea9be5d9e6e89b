package io.github.mmap4j.reliability;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A real file with known random content, a map of it of one {@link Kind}, and an empty file next to
 * it: what a {@link BadInput} is applied to.
 */
final class BadInputFixture implements AutoCloseable {
  static final int P = Mmap.PAGESIZE;

  /** How the map under test was made. */
  enum Kind {
    PATH("a WRITE map of the whole file"),
    OFFSET("a WRITE map from offset P"),
    CHANNEL("a WRITE map of a borrowed channel"),
    READ("a READ map"),
    COPY("a COPY map");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  final Path file;
  final Path empty;
  final byte[] original;
  final Kind kind;
  final long offset;
  final FileChannel channel; // read-write, borrowed by CHANNEL maps, open for every kind
  final Mmap map;

  BadInputFixture(Path dir, Kind kind, int fileLength, long seed) throws IOException {
    this.kind = kind;
    this.file = dir.resolve("known-" + kind + ".bin");
    this.empty = dir.resolve("empty-" + kind + ".bin");
    this.original = new byte[fileLength];
    new SplittableRandom(seed).nextBytes(original);
    Files.write(file, original);
    Files.write(empty, new byte[0]);
    this.offset = kind == Kind.OFFSET ? P : 0;
    this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.map =
        switch (kind) {
          case PATH -> Mmap.open(file, Access.WRITE);
          case OFFSET -> Mmap.open(file, 0, Access.WRITE, P);
          case CHANNEL -> Mmap.map(channel, 0, Access.WRITE);
          case READ -> Mmap.open(file, Access.READ);
          case COPY -> Mmap.open(file, Access.COPY);
        };
  }

  /** The map's length, {@code n} in the cases. */
  long n() {
    return map.length();
  }

  /** The bytes the map must show: the file's from its offset. */
  byte[] expectedMapBytes() {
    return Arrays.copyOfRange(original, (int) offset, original.length);
  }

  /** The file's bytes now, read through a channel of its own (the page cache, as a reader sees). */
  byte[] fileBytesNow() throws IOException {
    try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer all = ByteBuffer.allocate((int) reader.size());
      while (all.hasRemaining() && reader.read(all) >= 0) {
        // read on
      }
      return all.array();
    }
  }

  @Override
  public void close() throws IOException {
    map.close();
    channel.close();
  }
}
