package io.github.mmap4j.docs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a compiled snippet as a user would: {@code java -cp … MainClass} in a new JVM, without
 * {@code --enable-native-access} (the library must work silently without it), in a fresh working
 * directory that holds the tutorial's {@code myfile.txt}.
 */
final class SnippetRunner {
  /** The seed tutorial's file: 67 bytes, two lines; enough for the quick starts' 40-byte maps. */
  static final String MYFILE_CONTENT =
      "Memory-mapped files: hello, world!\nSecond line: mapping the world.\n";

  private static final long TIMEOUT_SECONDS = 60;

  private final Path launcher;
  private final String classpath;

  /**
   * A runner that launches {@code java} with {@code classpath} after the snippet's own classes.
   *
   * @param java the {@code java} launcher
   * @param classpath the snippet's dependencies
   */
  SnippetRunner(Path java, String classpath) {
    this.launcher = java;
    this.classpath = classpath;
  }

  /**
   * What a run printed and how it ended.
   *
   * @param exitCode the JVM's exit code
   * @param stdout what it printed on standard output
   * @param stderr what it printed on standard error
   */
  record Result(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code mainClass} from {@code classes} in {@code workDir}.
   *
   * @param classes the snippet's compiled classes
   * @param mainClass the class to launch
   * @param workDir the working directory; {@code myfile.txt} is written there first
   * @return the exit code and output
   * @throws IOException if the JVM cannot be started
   * @throws InterruptedException if interrupted while waiting
   * @throws AssertionError if the run takes longer than a minute
   */
  Result run(Path classes, String mainClass, Path workDir)
      throws IOException, InterruptedException {
    Files.writeString(workDir.resolve("myfile.txt"), MYFILE_CONTENT, StandardCharsets.US_ASCII);
    Path stdout = Files.createTempFile(workDir.getParent(), "stdout", ".txt");
    Path stderr = Files.createTempFile(workDir.getParent(), "stderr", ".txt");
    Process process =
        new ProcessBuilder(
                List.of(
                    launcher.toString(),
                    "-cp",
                    classes + File.pathSeparator + classpath,
                    mainClass))
            .directory(workDir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(mainClass + " did not end within " + TIMEOUT_SECONDS + " s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
