package io.github.mmap4j.internal;

/**
 * Makes the JVM deliver a pending memory fault inside the method that caused it.
 *
 * <p>When JIT-compiled code touches a page the file no longer has, HotSpot's {@code SIGBUS} handler
 * lets the access continue and installs an asynchronous {@link InternalError} that is thrown at the
 * thread's next safepoint poll, which can be after the accessing method returned, in the caller's
 * code. A loop whose bound is a volatile read cannot be counted or removed by the JIT, so it keeps
 * a poll on its back-edge; running that back-edge once, right after an access and still inside the
 * method's {@code try}, makes the fault surface there, where mmap4j turns it into a {@code
 * MmapTruncatedException}. Cost: two plain loads and one poll.
 */
public final class FaultBarrier {
  private static volatile int rounds = 2; // volatile and not final on purpose: see above

  private FaultBarrier() {}

  /** Passes one safepoint poll. */
  public static void poll() {
    int k = 0;
    do {
      k++;
    } while (k < rounds);
  }
}
