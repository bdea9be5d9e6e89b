package io.github.mmap4j.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The figures of one reliability test class: operations run, faults injected (closes under readers,
 * truncations, refused mappings, bad inputs), child JVMs killed, and failed tests. Register it as a
 * static {@code @RegisterExtension} field: it counts failed tests itself and, after the class,
 * prints its figures and the running total, and appends them to {@value #REPORT}.
 */
final class Figures implements TestWatcher, AfterAllCallback {
  static final String REPORT = "target/reliability-figures.txt";
  private static final Totals TOTAL = new Totals();

  private final String scenario;
  private final long started = System.nanoTime();
  private final AtomicLong operations = new AtomicLong();
  private final AtomicLong faults = new AtomicLong();
  private final AtomicLong kills = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  Figures(String scenario) {
    this.scenario = scenario;
  }

  void operations(long count) {
    operations.addAndGet(count);
  }

  void faults(long count) {
    faults.addAndGet(count);
  }

  void kill() {
    kills.incrementAndGet();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    failures.incrementAndGet();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    double seconds = (System.nanoTime() - started) / 1e9;
    TOTAL.add(this, seconds);
    String line = format(scenario, operations.get(), faults.get(), kills.get(), failures.get());
    String total = TOTAL.line();
    String header =
        String.format(
            Locale.ROOT,
            "%s, %s, %.1f s",
            LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS),
            Soak.isLong() ? "long run of " + Soak.minutes() + " min" : "default run",
            seconds);
    System.out.println(line + " | " + header);
    System.out.println(total);
    Path report = Path.of(REPORT);
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        line + " | " + header + "\n" + total + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static String format(
      String scenario, long operations, long faults, long kills, long failures) {
    return String.format(
        Locale.ROOT,
        "reliability | %s | operations=%,d | faults injected=%,d | kills=%,d | failures=%d",
        scenario,
        operations,
        faults,
        kills,
        failures);
  }

  /** The sum over the test classes run so far in this JVM. */
  private static final class Totals {
    private long operations;
    private long faults;
    private long kills;
    private long failures;
    private double seconds;

    synchronized void add(Figures figures, double elapsed) {
      operations += figures.operations.get();
      faults += figures.faults.get();
      kills += figures.kills.get();
      failures += figures.failures.get();
      seconds += elapsed;
    }

    synchronized String line() {
      return format("TOTAL so far", operations, faults, kills, failures)
          + String.format(Locale.ROOT, " | %.1f s", seconds);
    }
  }
}
