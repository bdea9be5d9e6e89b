package io.github.mmap4j.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code samples/run ipc}: a producer JVM and a consumer JVM pass records through a ring buffer in
 * one shared file, coordinated with mmap4j's atomic calls; prints records per second, latency
 * percentiles, and the consumer's count of lost, repeated and corrupted records.
 */
@Command(
    name = "ipc",
    description =
        "Two processes, one mapping: a producer and a consumer JVM pass records through a ring"
            + " in a shared file.",
    footer = {
      "",
      "The sample starts both JVMs itself (this java, this class path) and waits for them; it"
          + " exits with 1 if the consumer saw a record lost, repeated or corrupted."
    })
public final class IpcCommand implements Callable<Integer> {
  private static final long QUICK_RECORDS = 200_000;
  private static final long DEFAULT_RECORDS = 5_000_000;
  private static final long STARTUP_MILLIS = 60_000;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--records",
      paramLabel = "N",
      description = "Records to send (default 5,000,000; 200,000 with --quick).")
  Long records;

  @Option(
      names = "--capacity",
      paramLabel = "SLOTS",
      defaultValue = "1024",
      description = "Slots of 64 bytes in the ring (default: ${DEFAULT-VALUE}).")
  long capacity;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Records per second the producer paces itself to (default 0: as fast as the ring"
              + " takes them; then the latency is mostly the wait in a full ring).")
  long rate;

  @Option(
      names = "--stall-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "End the run with an error when a side has not moved for this long (default:"
              + " ${DEFAULT-VALUE}).")
  long stallSeconds;

  @Option(
      names = "--inject-faults",
      description =
          "The producer leaves out one record, sends one twice and corrupts one: the consumer's"
              + " checks must catch all three (and the sample exits with 1).")
  boolean faults;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long count = records != null ? records : common.quick() ? QUICK_RECORDS : DEFAULT_RECORDS;
    if (count < 1 || count > Integer.MAX_VALUE) {
      throw new SampleFailure("--records must be between 1 and " + Integer.MAX_VALUE);
    }
    if (capacity < 1 || capacity > 1 << 24) {
      throw new SampleFailure("--capacity must be between 1 and 16,777,216 slots");
    }
    if (faults && count < 4) {
      throw new SampleFailure("--inject-faults needs 4 records or more (three different ones)");
    }
    if (rate < 0 || stallSeconds < 1) {
      throw new SampleFailure("--rate must be 0 or more, --stall-timeout 1 or more");
    }
    RingSettings settings =
        new RingSettings(capacity, count, rate, faults, stallSeconds * 1000, STARTUP_MILLIS);
    PrintWriter out = spec.commandLine().getOut();
    try (WorkDirectory dir = common.workDirectory("mmap4j-ipc")) {
      Path file = dir.path().resolve("ring.bin");
      printSetup(out, file, settings);
      RingSupervisor.Outcome outcome = RingSupervisor.run(file, settings);
      printOutcome(out, settings, outcome);
      if (dir.temporary()) {
        out.println("removed " + file + " and the two JVMs' logs");
      }
      out.flush();
      return outcome.report().clean() ? 0 : 1;
    }
  }

  private static void printSetup(PrintWriter out, Path file, RingSettings s) {
    out.println("# ipc: a producer JVM and a consumer JVM, one ring buffer in " + file);
    out.printf(
        Locale.ROOT,
        "ring: %,d slots of %d bytes after a 4 KiB header; %,d records of sequence number, send"
            + " time, 40-byte payload, CRC32C%n",
        s.capacity(),
        RingLayout.SLOT_SIZE,
        s.records());
    if (s.rate() > 0) {
      out.printf(Locale.ROOT, "the producer paces itself to %,d records/s%n", s.rate());
    }
    if (s.faults()) {
      out.printf(
          Locale.ROOT,
          "injected faults: record %,d left out, record %,d sent twice, record %,d corrupted"
              + " after its checksum%n",
          s.dropped(),
          s.repeated(),
          s.corrupted());
    }
    out.flush();
  }

  private static void printOutcome(PrintWriter out, RingSettings s, RingSupervisor.Outcome o) {
    RingReport r = o.report();
    out.printf(
        Locale.ROOT,
        "consumer pid %d, producer pid %d: both running after %.2f s%n%n",
        o.consumerPid(),
        o.producerPid(),
        o.startupNanos() / 1e9);
    out.printf(
        Locale.ROOT,
        "sent     %,d records in %.2f s (the producer's clock)%n",
        o.sent(),
        o.sendingNanos() / 1e9);
    double seconds = r.receivingNanos() / 1e9;
    double perSecond = seconds > 0 ? r.received() / seconds : 0;
    out.printf(
        Locale.ROOT,
        "received %,d records in %.2f s (the consumer's clock): %,.0f records/s, %.1f MB/s%n",
        r.received(),
        seconds,
        perSecond,
        perSecond * RingLayout.SLOT_SIZE / 1e6);
    out.println(
        "latency from send to receive, both System.nanoTime: "
            + (System.getProperty("os.name").startsWith("Linux")
                ? "CLOCK_MONOTONIC, one clock for every process on Linux"
                : "comparable across processes only where the OS gives one clock to all"));
    out.printf(
        Locale.ROOT,
        "  p50 %s   p90 %s   p99 %s   p99.9 %s   max %s%n",
        micros(r.p50()),
        micros(r.p90()),
        micros(r.p99()),
        micros(r.p999()),
        micros(r.max()));
    if (r.negativeLatencies() > 0) {
      out.printf(
          Locale.ROOT,
          "%,d records were received before they were sent: the two JVMs' clocks differ, the"
              + " latencies mean nothing here%n",
          r.negativeLatencies());
    }
    out.printf(
        Locale.ROOT,
        "lost %,d, duplicated %,d, checksum failures %,d%n",
        r.lost(),
        r.duplicated(),
        r.checksumFailures());
    if (r.unexpected() > 0) {
      out.printf(Locale.ROOT, "unexpected sequence numbers: %,d%n", r.unexpected());
    }
    if (r.checksumFailures() > 0) {
      out.println("(a record that fails its checksum is not delivered: its number counts as lost)");
    }
    if (!r.clean()) {
      out.println("FAILED: the consumer did not get every record exactly once and intact");
    }
  }

  private static String micros(long nanos) {
    return String.format(Locale.ROOT, "%,.1f us", nanos / 1e3);
  }
}
