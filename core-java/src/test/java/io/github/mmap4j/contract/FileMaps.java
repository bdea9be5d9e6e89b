package io.github.mmap4j.contract;

import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the file-only tests: a temp directory, and maps and channels closed after each test. */
abstract class FileMaps {
  @TempDir Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  <T extends Mmap> T track(T m) {
    opened.add(m);
    return m;
  }

  FileChannel channel(Path file, OpenOption... options) throws IOException {
    FileChannel channel = FileChannel.open(file, options);
    opened.add(channel);
    return channel;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
  }
}
