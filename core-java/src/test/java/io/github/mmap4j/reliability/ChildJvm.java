package io.github.mmap4j.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class running in a fresh JVM on the test class path, so that a crash (SIGSEGV, SIGBUS, an
 * {@code hs_err} file) or a hang fails the calling test instead of killing or blocking the test
 * runner.
 *
 * <p>Both output streams are drained at once by two threads from the start: a child that writes a
 * lot to one stream while the parent waits on the other can never block. Complete stdout lines are
 * queued for {@link #nextLine}; a line the child did not finish (it was killed while writing it) is
 * never handed out.
 */
final class ChildJvm implements AutoCloseable {
  private static final int TRANSCRIPT_LIMIT = 64 * 1024;
  private static final String END = new String("end of output"); // compared by identity

  private final List<String> command;
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Transcript stdout = new Transcript();
  private final Transcript stderr = new Transcript();
  private final Thread stdoutPump;
  private final Thread stderrPump;
  private boolean ended;

  private ChildJvm(List<String> command) throws IOException {
    this.command = List.copyOf(command);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("MALLOC_ARENA_MAX", "2"); // glibc reserves 64 MiB per arena
    this.process = builder.start();
    this.stdoutPump = pump(process.getInputStream(), stdout, true);
    this.stderrPump = pump(process.getErrorStream(), stderr, false);
  }

  /** Starts {@code main} with native access and the given JVM options and arguments. */
  static ChildJvm start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
    return start(main, true, jvmOptions, 0, args);
  }

  /**
   * Starts {@code main}.
   *
   * @param nativeAccess whether to pass {@code --enable-native-access=ALL-UNNAMED}
   * @param addressSpaceKiB if positive, the child runs under {@code ulimit -v} of that many KiB
   */
  static ChildJvm start(
      Class<?> main,
      boolean nativeAccess,
      List<String> jvmOptions,
      long addressSpaceKiB,
      String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (addressSpaceKiB > 0) {
      // exec: the shell becomes the JVM, so the process we kill is the JVM itself.
      command.addAll(
          List.of("bash", "-c", "ulimit -v " + addressSpaceKiB + " && exec \"$0\" \"$@\""));
    }
    command.add(System.getProperty("java.home") + "/bin/java");
    if (nativeAccess) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(inheritedModules());
    // A crash report goes to the temporary directory, not into the module (a later option wins).
    command.add(
        "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/mmap4j-child-hs_err_pid%p.log");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ChildJvm(command);
  }

  /**
   * The {@code --add-modules} options this JVM runs with (the build's second test execution adds
   * {@code jdk.incubator.vector}, which switches mmap4j's searches to the Vector API): a child runs
   * the same search kernel as its parent.
   */
  private static List<String> inheritedModules() {
    List<String> inherited = new ArrayList<>();
    List<String> arguments =
        List.of(ProcessHandle.current().info().arguments().orElse(new String[0]));
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.startsWith("--add-modules=")) {
        inherited.add(argument);
      } else if (argument.equals("--add-modules") && i + 1 < arguments.size()) {
        inherited.add(argument);
        inherited.add(arguments.get(i + 1));
      }
    }
    return inherited;
  }

  /**
   * The next complete line of the child's stdout, or null once the child closed it.
   *
   * @throws AssertionError if no line came within {@code timeout}
   */
  String nextLine(Duration timeout) throws InterruptedException {
    if (ended) {
      return null;
    }
    String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("no output from the child in " + timeout + "\n" + describe());
    }
    if (line == END) {
      ended = true;
      return null;
    }
    return line;
  }

  /** The next line that starts with {@code prefix}, skipping others; fails at the end of output. */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = nextLine(Duration.ofNanos(Math.max(left, 1)));
      if (line == null) {
        throw new AssertionError("the child ended before printing '" + prefix + "'\n" + describe());
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Sends one line to the child's stdin. */
  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** SIGKILL ({@link Process#destroyForcibly} on Linux), then waits for the child to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  long pid() {
    return process.pid();
  }

  /**
   * Waits for the child to exit and for its output to be read.
   *
   * @return the exit code
   * @throws AssertionError if it did not exit within {@code timeout} (it is killed first)
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      joinPumps();
      throw new AssertionError("the child did not exit within " + timeout + "\n" + describe());
    }
    joinPumps();
    return process.exitValue();
  }

  /** Asserts that the child exits with 0 within {@code timeout}. */
  void assertExitsCleanly(Duration timeout) throws InterruptedException {
    int code = awaitExit(timeout);
    if (code != 0) {
      throw new AssertionError(
          "the child exited with " + code + crashHint(code) + "\n" + describe());
    }
  }

  private static String crashHint(int code) {
    return code > 128 ? " (killed by signal " + (code - 128) + ": a JVM crash)" : "";
  }

  String stdout() {
    return stdout.text();
  }

  String stderr() {
    return stderr.text();
  }

  /** The command and the (tails of the) child's output, for failure messages. */
  String describe() {
    String exit = process.isAlive() ? "running" : "exit code " + process.exitValue();
    return "command: "
        + String.join(" ", command)
        + "\n"
        + exit
        + "\n--- stdout (tail) ---\n"
        + stdout.text()
        + "\n--- stderr (tail) ---\n"
        + stderr.text();
  }

  /** Kills the child if it still runs, and waits for its output to be read. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        kill();
      }
      joinPumps();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void joinPumps() throws InterruptedException {
    stdoutPump.join(10_000);
    stderrPump.join(10_000);
  }

  private Thread pump(InputStream from, Transcript transcript, boolean queueLines) {
    Thread thread =
        new Thread(
            () -> {
              ByteArrayOutputStream line = new ByteArrayOutputStream();
              byte[] buffer = new byte[8192];
              try (from) {
                int n;
                while ((n = from.read(buffer)) > 0) {
                  transcript.append(buffer, n);
                  for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                      if (queueLines) {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                      }
                      line.reset();
                    } else {
                      line.write(buffer[i]);
                    }
                  }
                }
              } catch (IOException e) {
                transcript.append(("[pump: " + e + "]").getBytes(StandardCharsets.UTF_8), -1);
              } finally {
                if (queueLines) {
                  lines.add(END);
                }
              }
            },
            "child-output-pump");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The last {@value #TRANSCRIPT_LIMIT} bytes of one output stream. */
  private static final class Transcript {
    private final StringBuilder text = new StringBuilder();

    synchronized void append(byte[] bytes, int length) {
      text.append(new String(bytes, 0, length < 0 ? bytes.length : length, StandardCharsets.UTF_8));
      if (text.length() > 2 * TRANSCRIPT_LIMIT) {
        text.delete(0, text.length() - TRANSCRIPT_LIMIT);
      }
    }

    synchronized String text() {
      return text.length() > TRANSCRIPT_LIMIT
          ? "…" + text.substring(text.length() - TRANSCRIPT_LIMIT)
          : text.toString();
    }
  }
}
