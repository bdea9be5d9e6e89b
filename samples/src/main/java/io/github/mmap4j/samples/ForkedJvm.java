package io.github.mmap4j.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM this one starts with the same {@code java}, the same class path and native access on, its
 * standard output and error going to a log file.
 */
final class ForkedJvm {
  private final String name;
  private final Process process;
  private final Path log;

  private ForkedJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code main} with {@code args}, as {@code name}, logging to {@code log}. */
  static ForkedJvm start(String name, Class<?> main, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    // A small heap and the serial collector: the sides allocate almost nothing, and on a busy
    // machine a parallel collector's threads would only compete with the other side.
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ForkedJvm(name, process, log);
  }

  /** The name it was started as ("producer"). */
  String name() {
    return name;
  }

  /** Its process id. */
  long pid() {
    return process.pid();
  }

  /** Whether it is still running. */
  boolean alive() {
    return process.isAlive();
  }

  /** Its exit status; only once it has ended. */
  int exitStatus() {
    return process.exitValue();
  }

  /** Waits up to {@code millis} for it to end. */
  void waitFor(long millis) throws InterruptedException {
    process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  /** Ends it at once if it still runs, and waits for it to be gone. */
  void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    process.waitFor();
  }

  /**
   * What it said about its failure: the first line of its log that starts with its name (the sides
   * print their message that way), else the log's last line.
   */
  String complaint() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return lines.stream()
        .filter(l -> l.startsWith(name + ": "))
        .findFirst()
        .orElse(lines.isEmpty() ? "(no output in " + log + ")" : lines.getLast());
  }
}
