package io.github.mmap4j.samples;

/**
 * The ipc sample's shared file: a 4 KiB header, then a ring of {@code capacity} slots of {@link
 * #SLOT_SIZE} bytes. Record {@code n} (counting from 0 over the whole run) lives in slot {@code n %
 * capacity}.
 *
 * <pre>
 * offset  field                                        written by      with
 *      0  magic "MMAP4JRB", then the run's settings    the parent      setLong (RingSettings)
 *    128  head: records published                      the producer    setLongRelease
 *    256  tail: records taken                          the consumer    setLongRelease
 *    384  producer state, 392 consumer state           each side       setLongRelease
 *    400  producer's sending time in ns                the producer    setLong, before DONE
 *    512  the consumer's report                        the consumer    setLong, before DONE
 *   4096  the slots
 * </pre>
 *
 * <p>Head and tail sit 128 bytes apart, each alone in its pair of cache lines: the producer writes
 * the head on every batch and the consumer the tail, and sharing a line (or an adjacent pair, which
 * Intel cores prefetch together) would make every write of one evict the other's line.
 */
final class RingLayout {
  /** "MMAP4JRB" in ASCII: the file is a ring this sample wrote. */
  static final long MAGIC = 0x4D4D4150344A5242L;

  static final long HEAD_AT = 128;
  static final long TAIL_AT = 256;
  static final long PRODUCER_STATE_AT = 384;
  static final long CONSUMER_STATE_AT = 392;
  static final long SENDING_NANOS_AT = 400;
  static final long REPORT_AT = 512;
  static final long SLOTS_AT = 4096;

  /** One record per slot: a cache line. */
  static final int SLOT_SIZE = 64;

  /** A side's state: started, its map open. */
  static final long STARTING = 0;

  /** A side's state: ready (the consumer) or sending (the producer). */
  static final long RUNNING = 1;

  /** A side's state: finished, its results written before this state was. */
  static final long DONE = 2;

  private RingLayout() {}

  /** Where record {@code n} of the run goes. */
  static long slotAt(long n, long capacity) {
    return SLOTS_AT + n % capacity * SLOT_SIZE;
  }

  /** The size of the file for a ring of {@code capacity} slots. */
  static long fileSize(long capacity) {
    return SLOTS_AT + capacity * SLOT_SIZE;
  }
}
