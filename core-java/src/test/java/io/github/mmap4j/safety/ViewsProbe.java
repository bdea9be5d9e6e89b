package io.github.mmap4j.safety;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The forked half of {@link ViewsWithoutNativeAccessTest}: uses the stream, channel and residency
 * calls and prints what happened, one {@code key=value} line each. Argument: a scratch directory.
 */
public final class ViewsProbe {
  private static final int PAGE = Mmap.PAGESIZE;

  private ViewsProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path properties = Files.writeString(dir.resolve("p.properties"), "name=mmap4j\n");
    try (Mmap m = Mmap.open(properties)) {
      Properties loaded = new Properties();
      loaded.load(m.inputStream());
      System.out.println("properties=" + loaded.getProperty("name"));
    }
    try (Mmap m = Mmap.anonymous(8);
        SeekableByteChannel channel = m.channel()) {
      channel.write(ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer back = ByteBuffer.allocate(3);
      channel.position(0).read(back);
      System.out.println("channel=" + new String(back.array(), StandardCharsets.US_ASCII));
    }
    Path sparse = dir.resolve("sparse.bin");
    try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
      raf.setLength(8L * PAGE); // holes: no page is in memory until read
    }
    try (Mmap m = Mmap.open(sparse)) {
      System.out.println("sparse-loaded-before=" + m.isLoaded());
      m.load();
      System.out.println("sparse-loaded-after=" + m.isLoaded());
      try {
        m.residentBytes(0, 1);
      } catch (UnsupportedOperationException e) {
        System.out.println("residentBytes=" + e.getMessage());
      }
    }
    try (Mmap m = Mmap.anonymous(4L * PAGE)) {
      m.load();
      System.out.println("anonymous-loaded-after=" + m.isLoaded());
    }
    System.out.println("truncated-load=" + loadTruncated(dir.resolve("shrinks.bin")));
  }

  /** Loads a map of a file truncated under it, often enough for the JIT to compile the load. */
  private static String loadTruncated(Path file) throws Exception {
    Files.write(file, new byte[3 * PAGE]);
    try (Mmap m = Mmap.open(file, Access.READ)) {
      try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
        other.truncate(10);
      }
      int thrown = 0;
      for (int i = 0; i < 20_000; i++) {
        try {
          m.load();
        } catch (MmapTruncatedException e) {
          thrown++;
        }
      }
      return thrown + " MmapTruncatedException";
    }
  }
}
