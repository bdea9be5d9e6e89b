package io.github.mmap4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Knows when no operation is inside a mapping, so that unmapping it can never fault a reader.
 *
 * <p>Closing a shared {@code Arena} while another thread reads it can crash the JVM (JDK-8364167),
 * so a map is released only after every operation in flight has left. Counting operations with
 * atomics would put two atomic instructions on every {@code readByte}; instead the thread that
 * created the map (the <em>owner</em>, by far the most common user) pays nothing, and only other
 * threads (<em>guests</em>) count themselves in and out. A release from a guest thread, the rare
 * case, checks the owner's stack: the owner is outside when no frame of {@code Mmap} or of this
 * package is on it. Taking a thread's stack trace is a handshake with that thread, so afterwards
 * the owner sees the closed state on its next entry.
 */
public final class Quiescence {
  private static final VarHandle GUESTS;
  private static final String MMAP_CLASS = "io.github.mmap4j.Mmap";
  private static final String INTERNAL_PACKAGE = "io.github.mmap4j.internal.";

  static {
    try {
      GUESTS = MethodHandles.lookup().findVarHandle(Quiescence.class, "guests", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Thread owner = Thread.currentThread();

  @SuppressWarnings("unused") // accessed through GUESTS
  private volatile int guests;

  /** Whether the calling thread is the owner, whose operations are not counted. */
  public boolean isOwner() {
    return Thread.currentThread() == owner;
  }

  /** Counts a guest operation in; it must re-check the map's state afterwards. */
  public void enterGuest() {
    GUESTS.getAndAdd(this, 1);
  }

  /** Counts a guest operation out. */
  public void exitGuest() {
    GUESTS.getAndAdd(this, -1);
  }

  /**
   * Waits until no operation is inside the old mapping. The caller has already published the new
   * state (closed, or a replacement mapping) with a volatile write, and holds the map's lock.
   */
  public void awaitQuiet() {
    int spins = 0;
    while ((int) GUESTS.getVolatile(this) != 0) {
      spins = pause(spins);
    }
    if (isOwner() || !owner.isAlive()) {
      return;
    }
    spins = 0;
    while (ownerInside()) {
      spins = pause(spins);
    }
  }

  private boolean ownerInside() {
    boolean inside = false;
    for (StackTraceElement frame : owner.getStackTrace()) {
      String cls = frame.getClassName();
      if (cls.equals(MMAP_CLASS)) {
        String method = frame.getMethodName();
        // close() and resize() touch memory only under the lock this thread holds now.
        if (method.equals("close") || method.equals("resize")) {
          return false;
        }
        inside = true;
      } else if (cls.startsWith(INTERNAL_PACKAGE)) {
        inside = true;
      }
    }
    return inside;
  }

  private static int pause(int spins) {
    if (spins < 64) {
      Thread.onSpinWait();
    } else {
      try {
        Thread.sleep(0, 100_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return spins + 1;
  }
}
