package io.github.mmap4j.contract;

import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared contract through {@code Mmap.map(FileChannel, …)}, CPython's {@code mmap(fileno, …)}.
 * A borrowed channel is mapped by the JDK ({@code FileChannel.map}), while {@code open(Path)} may
 * map with its own {@code mmap(2)}: two code paths, one contract. The channels stay open for the
 * test (docs/semantics.md §15.4: size and resize need them).
 */
class ChannelMmapContractTest extends MmapContract {
  @TempDir Path dir;
  private final List<FileChannel> channels = new ArrayList<>();

  @Override
  Mmap create(byte[] content, Access access) throws IOException {
    Path file = Files.write(dir.resolve("map" + channels.size()), content);
    FileChannel channel =
        access == Access.READ ? FileChannel.open(file, READ) : FileChannel.open(file, READ, WRITE);
    channels.add(channel);
    return Mmap.map(channel, content.length, access, 0);
  }

  @Override
  public long mapOffset() {
    return 0;
  }

  @AfterEach
  void closeChannels() throws IOException {
    for (FileChannel channel : channels) {
      channel.close();
    }
  }
}
