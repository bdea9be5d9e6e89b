package io.github.mmap4j.samples;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The ipc sample's parent: creates the ring file, starts the consumer and the producer JVMs, and
 * watches them through the same file until both are done. A side that exits with an error, a JVM
 * that does not start in time, or a head and tail that stop moving end the run with a {@link
 * SampleFailure}; both JVMs are stopped first, whatever happens.
 */
final class RingSupervisor {
  private static final long POLL_MILLIS = 20;

  /**
   * The sides watch with the stall timeout; the parent waits this much longer, so that a side's own
   * message (what it waited for) comes first.
   */
  private static final long GRACE_NANOS = 2_000_000_000L;

  /**
   * A finished run.
   *
   * @param report what the consumer found
   * @param sent records the producer published (slots filled)
   * @param sendingNanos from the producer's first record to its last, on its clock
   * @param producerPid the producer JVM's process id
   * @param consumerPid the consumer JVM's
   * @param startupNanos from starting the JVMs until the parent saw the producer sending
   */
  record Outcome(
      RingReport report,
      long sent,
      long sendingNanos,
      long producerPid,
      long consumerPid,
      long startupNanos) {}

  private RingSupervisor() {}

  /** Runs the producer and the consumer on a new ring file {@code file}. */
  static Outcome run(Path file, RingSettings settings) throws IOException, InterruptedException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(RingLayout.fileSize(settings.capacity()));
    }
    Path dir = file.toAbsolutePath().getParent();
    ForkedJvm consumer = null;
    ForkedJvm producer = null;
    try (Mmap m = Mmap.open(file, 0, Access.WRITE)) {
      settings.writeTo(m);
      try {
        String ring = file.toAbsolutePath().toString();
        consumer =
            ForkedJvm.start("consumer", RingConsumer.class, dir.resolve("consumer.log"), ring);
        producer =
            ForkedJvm.start("producer", RingProducer.class, dir.resolve("producer.log"), ring);
        long startupNanos = watch(m, settings, producer, consumer);
        return new Outcome(
            RingReport.readFrom(m),
            m.getLongAcquire(RingLayout.HEAD_AT),
            m.getLong(RingLayout.SENDING_NANOS_AT),
            producer.pid(),
            consumer.pid(),
            startupNanos);
      } finally {
        if (producer != null) {
          producer.stop();
        }
        if (consumer != null) {
          consumer.stop();
        }
      }
    }
  }

  /** Waits for both sides to end well; returns when the producer was first seen sending. */
  private static long watch(Mmap m, RingSettings settings, ForkedJvm producer, ForkedJvm consumer)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    long startup = -1;
    ProgressWatchdog watchdog =
        new ProgressWatchdog(TimeUnit.MILLISECONDS.toNanos(settings.stallMillis()) + GRACE_NANOS);
    List<ForkedJvm> sides = List.of(producer, consumer);
    while (producer.alive() || consumer.alive()) {
      for (ForkedJvm side : sides) {
        if (!side.alive() && side.exitStatus() != 0) {
          throw failed(side, m, settings);
        }
      }
      long now = System.nanoTime();
      // The producer starts sending only once the consumer is ready: past STARTING, both run.
      if (startup < 0 && m.getLongAcquire(RingLayout.PRODUCER_STATE_AT) != RingLayout.STARTING) {
        startup = now - started;
      }
      if (startup < 0 && now - started > TimeUnit.MILLISECONDS.toNanos(settings.startupMillis())) {
        String late =
            m.getLongAcquire(RingLayout.CONSUMER_STATE_AT) == RingLayout.STARTING
                ? "consumer"
                : "producer";
        throw new SampleFailure(
            String.format(
                Locale.ROOT,
                "the %s JVM did not start within %d s; stopped both",
                late,
                settings.startupMillis() / 1000));
      }
      long head = m.getLongAcquire(RingLayout.HEAD_AT);
      long tail = m.getLongAcquire(RingLayout.TAIL_AT);
      if (startup >= 0
          && m.getLongAcquire(RingLayout.CONSUMER_STATE_AT) != RingLayout.DONE
          && watchdog.stalled(head, tail, now)) {
        throw new SampleFailure(watchdog.diagnose(settings, now) + "; stopped both JVMs");
      }
      consumer.waitFor(POLL_MILLIS);
    }
    for (ForkedJvm side : sides) {
      if (side.exitStatus() != 0) {
        throw failed(side, m, settings);
      }
    }
    if (m.getLongAcquire(RingLayout.CONSUMER_STATE_AT) != RingLayout.DONE) {
      throw new SampleFailure("the consumer ended without writing its report");
    }
    return startup >= 0 ? startup : System.nanoTime() - started;
  }

  private static SampleFailure failed(ForkedJvm side, Mmap m, RingSettings settings)
      throws IOException {
    return new SampleFailure(
        String.format(
            Locale.ROOT,
            "the %s JVM exited with status %d: %s (%,d records published, %,d taken, of %,d)",
            side.name(),
            side.exitStatus(),
            side.complaint(),
            m.getLongAcquire(RingLayout.HEAD_AT),
            m.getLongAcquire(RingLayout.TAIL_AT),
            settings.records()));
  }
}
