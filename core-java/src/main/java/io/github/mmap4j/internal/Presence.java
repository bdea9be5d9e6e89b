package io.github.mmap4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * 128 bytes in front of {@link PresenceEntered#entered}, so no other object shares its cache line.
 */
@SuppressWarnings("unused")
abstract class PresencePaddingBefore {
  private long p00, p01, p02, p03, p04, p05, p06, p07;
  private long p08, p09, p10, p11, p12, p13, p14, p15;
}

/**
 * The hot field. A {@code long} also because the JVM may place a subclass's 4-byte field in the gap
 * after the object header, in front of the padding, but never an 8-byte one.
 */
abstract class PresenceEntered extends PresencePaddingBefore {
  long entered;
}

/** 128 bytes behind it. */
@SuppressWarnings("unused")
abstract class PresencePaddingAfter extends PresenceEntered {
  private long q00, q01, q02, q03, q04, q05, q06, q07;
  private long q08, q09, q10, q11, q12, q13, q14, q15;
}

/**
 * One thread's record of being inside a map's memory: the {@link Mapping#generation()} its
 * operation in flight entered, {@link #ENTERING} while it reads which mapping that is, or 0 between
 * operations. Operations never nest on this record (views that run user code count atomically
 * instead). Only that thread writes it, with plain stores; the thread that closes or resizes the
 * map reads it after a handshake with the writer (see {@link Gate}). Each record fills its own
 * cache lines, so threads reading one map never write to a shared line: the cost of an operation
 * does not depend on how many threads use the map.
 *
 * <p>Virtual threads get no record of their own: they share {@link #COUNTED}, whose operations
 * count themselves in and out of the mapping with atomic instructions instead.
 */
public final class Presence extends PresencePaddingAfter {
  private static final VarHandle ENTERED;

  static {
    try {
      ENTERED = MethodHandles.lookup().findVarHandle(PresenceEntered.class, "entered", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** An operation that has not yet read which mapping it enters: it may enter any. */
  static final long ENTERING = Long.MAX_VALUE; // generations count up from 1 and never reach it

  /** The shared record of threads that are counted atomically instead (virtual threads). */
  static final Presence COUNTED = new Presence(null);

  final Thread thread;

  Presence(Thread thread) {
    this.thread = thread;
  }

  /**
   * Back outside: a releasing store, so that neither the JIT nor the processor moves the
   * operation's accesses to the memory after it.
   */
  void leave() {
    ENTERED.setRelease(this, 0L);
  }

  /** Whether an operation may be inside {@code m}; meaningful after a handshake with the writer. */
  boolean mayBeInside(Mapping m) {
    long entered = (long) ENTERED.getVolatile(this);
    return entered == m.generation() || entered == ENTERING;
  }
}
