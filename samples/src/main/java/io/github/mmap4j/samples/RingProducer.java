package io.github.mmap4j.samples;

import io.github.mmap4j.Mmap;
import java.util.concurrent.locks.LockSupport;

/**
 * The ipc sample's producer JVM ({@code java … RingProducer RING_FILE}): writes the run's records
 * into free slots, a batch at a time, and publishes each batch by moving the head with {@code
 * setLongRelease}, which makes the slot bytes visible before the new head to a consumer that reads
 * the head with {@code getLongAcquire}. It learns which slots are free from the tail that the
 * consumer publishes the same way.
 */
public final class RingProducer {
  private final Mmap m;
  private final RingSettings settings;
  private final Backoff backoff;
  private final RecordBatch batch = new RecordBatch();
  private long next; // the next sequence number to send
  private boolean repeatedOnce;

  private RingProducer(Mmap m, RingSettings settings, Backoff backoff) {
    this.m = m;
    this.settings = settings;
    this.backoff = backoff;
  }

  /** Sends the records of the ring file in {@code args[0]}; started by the ipc sample. */
  public static void main(String[] args) {
    RingSide.main("producer", args, (m, s, backoff) -> new RingProducer(m, s, backoff).run());
  }

  private void run() {
    while (m.getLongAcquire(RingLayout.CONSUMER_STATE_AT) == RingLayout.STARTING) {
      backoff.idle("the consumer JVM to start");
    }
    backoff.progressed();
    backoff.timeout(settings.stallMillis() * 1_000_000);
    m.setLongRelease(RingLayout.PRODUCER_STATE_AT, RingLayout.RUNNING);
    long started = System.nanoTime();
    long capacity = settings.capacity();
    long head = 0; // records published
    long tail = 0; // records taken, as last read: the slots of records below it are free again
    while (next < settings.records()) {
      if (head - tail == capacity) {
        tail = m.getLongAcquire(RingLayout.TAIL_AT);
        if (head - tail == capacity) {
          backoff.idle("the consumer to take a record (the ring is full)");
          continue;
        }
        backoff.progressed();
      }
      long due = due(started);
      if (due <= next) {
        waitUntilDue(started);
        continue;
      }
      // A batch ends at the end of the ring: one copy covers consecutive bytes.
      long room = Math.min(capacity - (head - tail), capacity - head % capacity);
      int n = fill((int) Math.min(room, RecordBatch.MAX_RECORDS), due);
      if (n > 0) {
        long at = RingLayout.slotAt(head, capacity);
        int bytes = n * RingLayout.SLOT_SIZE;
        m.set(at, batch.bytes(), 0, bytes); // one bulk store, no copy of a partial batch
        head += n;
        m.setLongRelease(RingLayout.HEAD_AT, head);
      }
    }
    m.setLong(RingLayout.SENDING_NANOS_AT, System.nanoTime() - started);
    m.setLongRelease(RingLayout.PRODUCER_STATE_AT, RingLayout.DONE);
  }

  /**
   * Encodes up to {@code room} records into the batch, from number {@link #next} up to but not
   * including number {@code due}, each stamped with the time it is written; returns how many. With
   * the faults setting one number is skipped, one sent twice and one corrupted after its checksum.
   */
  private int fill(int room, long due) {
    int n = 0;
    while (n < room && next < due) {
      if (settings.faults() && next == settings.dropped()) {
        next++;
        continue;
      }
      batch.encode(n, next, System.nanoTime());
      if (settings.faults() && next == settings.corrupted()) {
        batch.corrupt(n);
      }
      n++;
      if (settings.faults() && next == settings.repeated() && !repeatedOnce) {
        repeatedOnce = true;
      } else {
        next++;
      }
    }
    return n;
  }

  /** The number of the first record not yet due: every record when there is no rate. */
  private long due(long started) {
    if (settings.rate() == 0) {
      return settings.records();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    return Math.min(settings.records(), (long) (elapsed * settings.rate()) + 1);
  }

  /** Paces the producer to the rate: parks while the next record is far off, then spins. */
  private void waitUntilDue(long started) {
    long wait = started + (long) (next * 1e9 / settings.rate()) - System.nanoTime();
    if (wait > 100_000) {
      LockSupport.parkNanos(wait - 50_000);
    } else {
      Thread.onSpinWait();
    }
  }
}
