package io.github.mmap4j.internal;

/**
 * The waiting half of {@link Gate}: how a closer learns that no operation is inside a mapping.
 * Nothing here runs on the path of an operation.
 */
final class Quiescence {
  private static final int BUSY_SPINS = 64;
  private static final long PARK_NANOS = 100_000;

  private Quiescence() {}

  /** Waits until no atomically counted operation (virtual threads) is inside {@code old}. */
  static void awaitNoGuests(Mapping old) {
    int spins = 0;
    while (old.hasGuests()) {
      spins = pause(spins);
    }
  }

  /**
   * Waits until the thread of {@code p} is not inside {@code old}. {@code self}, the closer, is
   * never inside: close and resize touch no mapped memory.
   */
  static void awaitOutside(Presence p, Mapping old, Thread self) {
    Thread reader = p.thread;
    if (reader == null || reader == self) {
      return;
    }
    int spins = 0;
    while (reader.isAlive()) { // a thread that ended left every operation (finally blocks)
      if (!p.mayBeInside(old)) {
        handshake(reader);
        if (!p.mayBeInside(old)) {
          return;
        }
      }
      spins = pause(spins);
    }
  }

  /**
   * Brings {@code reader} to a safepoint (or finds it parked) and back: the JDK takes another
   * thread's stack with a handshake. Its stores before that point are visible afterwards, and its
   * loads after it see what this thread wrote before.
   */
  private static void handshake(Thread reader) {
    reader.getStackTrace();
  }

  private static int pause(int spins) {
    if (spins < BUSY_SPINS) {
      Thread.onSpinWait();
    } else {
      java.util.concurrent.locks.LockSupport.parkNanos(PARK_NANOS);
    }
    return spins + 1;
  }
}
