package io.github.mmap4j.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM on the test class path. A crash of that JVM (SIGSEGV, SIGBUS, an
 * {@code hs_err} file) shows as a non-zero exit code, which the calling test asserts against: a
 * crash fails the test, it never turns into a skip.
 */
final class ForkedJvm {
  record Result(int exitCode, String stdout, String stderr) {}

  private ForkedJvm() {}

  static Result run(Class<?> main, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + "/bin/java");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    var stdout = process.getInputStream().readAllBytes();
    var stderr = process.getErrorStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("forked JVM did not finish in 5 minutes: " + command);
    }
    return new Result(
        process.exitValue(),
        new String(stdout, StandardCharsets.UTF_8),
        new String(stderr, StandardCharsets.UTF_8));
  }
}
