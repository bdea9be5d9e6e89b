package io.github.mmap4j.samples;

import io.github.mmap4j.Mmap;

/**
 * The ipc sample's consumer JVM ({@code java … RingConsumer RING_FILE}): reads the head with {@code
 * getLongAcquire}, copies the records below it out of the ring in one call per batch, checks each
 * one (checksum, sequence number) and its latency, and frees the slots by moving the tail with
 * {@code setLongRelease}. When the producer is done and the ring is empty it writes its {@link
 * RingReport} into the file and says it is done too.
 */
public final class RingConsumer {
  private final Mmap m;
  private final RingSettings settings;
  private final Backoff backoff;
  private final RecordBatch batch = new RecordBatch();
  private final SequenceTally tally;
  private final LatencyHistogram latencies = new LatencyHistogram();

  private RingConsumer(Mmap m, RingSettings settings, Backoff backoff) {
    this.m = m;
    this.settings = settings;
    this.backoff = backoff;
    this.tally = new SequenceTally(settings.records());
  }

  /** Takes the records of the ring file in {@code args[0]}; started by the ipc sample. */
  public static void main(String[] args) {
    RingSide.main("consumer", args, (m, s, backoff) -> new RingConsumer(m, s, backoff).run());
  }

  private void run() {
    m.setLongRelease(RingLayout.CONSUMER_STATE_AT, RingLayout.RUNNING);
    long capacity = settings.capacity();
    long tail = 0; // records taken
    long head = 0; // records published, as last read
    boolean producerStarted = false;
    long firstSeen = 0;
    long lastTaken = 0;
    while (true) {
      if (tail == head) {
        // The state before the head: a producer seen DONE has published its last head already.
        long producer = m.getLongAcquire(RingLayout.PRODUCER_STATE_AT);
        head = m.getLongAcquire(RingLayout.HEAD_AT);
        if (!producerStarted && producer != RingLayout.STARTING) {
          producerStarted = true;
          backoff.progressed();
          backoff.timeout(settings.stallMillis() * 1_000_000);
        }
        if (tail == head) {
          if (producer == RingLayout.DONE) {
            break;
          }
          backoff.idle(
              producerStarted ? "the producer to publish a record" : "the producer JVM to start");
          continue;
        }
        if (firstSeen == 0) {
          firstSeen = System.nanoTime();
        }
        backoff.progressed();
      }
      // Up to the end of the ring: one copy covers consecutive bytes.
      int n =
          (int)
              Math.min(RecordBatch.MAX_RECORDS, Math.min(head - tail, capacity - tail % capacity));
      m.get(RingLayout.slotAt(tail, capacity), batch.bytes(), 0, n * RingLayout.SLOT_SIZE);
      long now = System.nanoTime();
      for (int i = 0; i < n; i++) {
        if (batch.intact(i)) {
          tally.intact(batch.sequence(i));
          latencies.record(now - batch.sentNanos(i));
        } else {
          tally.checksumFailure();
        }
      }
      tail += n;
      m.setLongRelease(RingLayout.TAIL_AT, tail);
      lastTaken = now;
    }
    RingReport.of(tally, latencies, lastTaken - firstSeen).writeTo(m);
    m.setLongRelease(RingLayout.CONSUMER_STATE_AT, RingLayout.DONE);
  }
}
