package io.github.mmap4j.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;

/**
 * The directory a sample writes into: the user's {@code --dir} (kept), or a temporary directory
 * that {@link #close()} removes with everything in it.
 */
public final class WorkDirectory implements AutoCloseable {
  private final Path path;
  private final boolean temporary;

  private WorkDirectory(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  /** {@code dir} (created if missing), or a new temporary directory named after {@code prefix}. */
  public static WorkDirectory open(Path dir, String prefix) throws IOException {
    if (dir != null) {
      return new WorkDirectory(Files.createDirectories(dir), false);
    }
    return new WorkDirectory(Files.createTempDirectory(prefix), true);
  }

  /** The directory. */
  public Path path() {
    return path;
  }

  /** Whether {@link #close()} removes the directory. */
  public boolean temporary() {
    return temporary;
  }

  /** Removes a temporary directory and its files; keeps a directory the user named. */
  @Override
  public void close() throws IOException {
    if (temporary) {
      PathUtils.deleteDirectory(path);
    }
  }
}
