package io.github.mmap4j.file;

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

/**
 * Base of the tests that need real files: a temporary directory, and the maps and channels a test
 * opened, closed after it in reverse order.
 */
public abstract class FileFixture {
  @TempDir protected Path dir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Writes {@code content} to a new file {@code name} in the test's directory. */
  protected Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  /** Closes {@code m} after the test. */
  protected <T extends Mmap> T track(T m) {
    opened.add(m);
    return m;
  }

  /** Opens a channel that is closed after the test. */
  protected FileChannel channel(Path file, OpenOption... options) throws IOException {
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
