package io.github.mmap4j.samples;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every sample takes: {@code --quick}, {@code --dir} and {@code --help}. */
public final class CommonOptions {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show the options and exit.")
  boolean help;

  @Option(
      names = "--quick",
      description = "Small sizes: runs in seconds (what the module's tests use).")
  boolean quick;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Write the sample's files under DIR and keep them. Default: a temporary directory,"
              + " removed at the end.")
  Path dir;

  /** Whether {@code --quick} was given. */
  public boolean quick() {
    return quick;
  }

  /** Where the sample writes: {@code --dir}, or a new temporary directory removed on close. */
  public WorkDirectory workDirectory(String prefix) throws java.io.IOException {
    return WorkDirectory.open(dir, prefix);
  }
}
