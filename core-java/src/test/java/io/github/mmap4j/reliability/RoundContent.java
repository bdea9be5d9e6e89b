package io.github.mmap4j.reliability;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one round of a concurrency scenario: byte {@code i} is {@code 131 i + 29 round + 7}
 * (mod 256), so each round's maps differ from the last round's. A thread that read memory of an
 * unmapped map that a later map now occupies would see another round's bytes. Any 8 bytes occur
 * once in every 256, so {@code find} of the 8 bytes at {@code j} from {@code j - 100} returns
 * exactly {@code j}.
 */
record RoundContent(int round) {
  byte at(long i) {
    return (byte) (131 * i + 29L * round + 7);
  }

  byte[] bytes(long from, int count) {
    byte[] out = new byte[count];
    for (int k = 0; k < count; k++) {
      out[k] = at(from + k);
    }
    return out;
  }

  /** The kinds of map a scenario round makes. */
  enum MapKind {
    PATH,
    CHANNEL,
    ANONYMOUS
  }

  /** A WRITE map of {@code length} bytes of this content (an anonymous map is written first). */
  Mmap map(MapKind kind, Path dir, long length) throws IOException {
    return switch (kind) {
      case PATH -> Mmap.open(file(dir, length), Access.WRITE);
      case CHANNEL -> {
        FileChannel channel =
            FileChannel.open(
                file(dir, length),
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        Mmap map = Mmap.map(channel, 0, Access.WRITE);
        channel.close(); // the map keeps working; only size() and resize() need the channel
        yield map;
      }
      case ANONYMOUS -> {
        Mmap map = Mmap.anonymous(length);
        map.setSlice(0, length, bytes(0, (int) length));
        yield map;
      }
    };
  }

  /** A file of this content for this round. */
  Path file(Path dir, long length) throws IOException {
    Path file = dir.resolve("round-" + round + "-" + Thread.currentThread().threadId() + ".bin");
    Files.write(file, bytes(0, (int) length));
    return file;
  }

  /** The line {@code k} of the text variant: 16 bytes, {@code RRRRRRR:KKKKKKK\n}. */
  byte[] line(long k) {
    return String.format("%07d:%07d\n", round % 10_000_000, k % 10_000_000)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** What starts every line of the text variant, and nothing else. */
  byte[] linePrefix() {
    return String.format("%07d:", round % 10_000_000).getBytes(StandardCharsets.US_ASCII);
  }

  /** A WRITE file map of {@code lines} lines of the text variant. */
  Mmap textMap(Path dir, int lines) throws IOException {
    Path file = dir.resolve("text-" + round + ".bin");
    byte[] text = new byte[lines * 16];
    for (int k = 0; k < lines; k++) {
      System.arraycopy(line(k), 0, text, k * 16, 16);
    }
    Files.write(file, text);
    return Mmap.open(file, Access.WRITE);
  }
}
