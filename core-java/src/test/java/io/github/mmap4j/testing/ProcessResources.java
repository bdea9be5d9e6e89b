package io.github.mmap4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this process holds of one file, read from Linux's {@code /proc/self}. Per file, never
 * process-wide counts: other tests' cleaners and child processes open and close descriptors and
 * mappings while a test runs.
 */
public final class ProcessResources {
  private ProcessResources() {}

  /** How many file descriptors of this process are open on {@code file} ({@code /proc/self/fd}). */
  public static long descriptorsOf(Path file) throws IOException {
    Path real = file.toRealPath();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> real.equals(linkTarget(fd))).count();
    }
  }

  /** How many memory mappings of this process map {@code file} ({@code /proc/self/maps}). */
  public static long mappingsOf(Path file) throws IOException {
    String real = file.toRealPath().toString();
    try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
      return maps.filter(line -> line.endsWith(" " + real)).count();
    }
  }

  private static Path linkTarget(Path fd) {
    try {
      return Files.readSymbolicLink(fd);
    } catch (IOException e) {
      return null; // the descriptor of the listing itself, closed by now
    }
  }
}
