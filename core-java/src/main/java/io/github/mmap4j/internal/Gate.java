package io.github.mmap4j.internal;

import io.github.mmap4j.MmapTruncatedException;

/**
 * The access protocol of one map: every operation that touches the map's memory enters through
 * here, and close and resize wait here until nothing is inside the memory they release.
 *
 * <p><b>Why.</b> Unmapping memory that another thread is reading crashes the JVM (SIGSEGV), and so
 * can closing a shared {@code Arena} under a reader (JDK-8364167). So a mapping is released only
 * once no operation is inside it.
 *
 * <p><b>How, for platform threads.</b> Each thread that uses the map has a {@link Presence}: a word
 * that only it writes, with plain stores, in a cache line of its own. An operation first announces
 * itself ({@link Presence#ENTERING}), then reads {@link #current}, stores that mapping's {@link
 * Mapping#generation() generation} into its presence, works, and stores 0. A closer first publishes
 * the new state (a volatile write of {@code current}: null, or the resized mapping), then for each
 * thread with a presence performs a handshake ({@link Thread#getStackTrace()} stops the thread at a
 * safepoint poll, or finds it parked) and reads its presence afterwards, waiting while it says
 * {@code ENTERING} or names the old mapping. Wherever the handshake finds the reader — in compiled
 * code, in the interpreter, which may stop at any call — the announcement is either not yet made,
 * and then the reader's read of {@code current} comes after the handshake and sees what the closer
 * published, or it is made, and the closer waits. The handshake also makes the reader's stores
 * visible to the closer, which is what a Dekker-style protocol would otherwise need a fence for on
 * every operation. An operation therefore costs a few plain loads and stores, however many threads
 * read the map; close and resize pay one handshake per thread that ever used the map (dead threads
 * are skipped), and a resize never waits for operations that entered the new mapping.
 *
 * <p><b>Virtual threads</b> (and a map created on one) count themselves in and out of the mapping
 * atomically ({@link Mapping#enterGuest()}); a closer waits until that count is zero. The count is
 * per mapping, so a resize never waits for operations that entered the new mapping.
 *
 * <p>The stress tests {@code ConcurrentCloseTest} and the reliability suite fail if this protocol
 * lets a release happen under a reader: the forked JVM crashes.
 */
public final class Gate {
  /**
   * An operation on a mapping; {@code X} is the checked exception it may throw ({@code
   * RuntimeException}, inferred, for most).
   */
  @FunctionalInterface
  public interface Op<R, X extends Exception> {
    R apply(Mapping m) throws X;
  }

  /** An operation without a result. */
  @FunctionalInterface
  public interface VoidOp<X extends Exception> {
    void apply(Mapping m) throws X;
  }

  /** An operation with a primitive result (ints widen to it), so nothing is boxed. */
  @FunctionalInterface
  public interface LongOp<X extends Exception> {
    long apply(Mapping m) throws X;
  }

  /** Turns a memory fault on a page the file no longer has into the exception users see. */
  @FunctionalInterface
  public interface FaultReport {
    MmapTruncatedException truncated(InternalError fault, Mapping m);
  }

  private final Thread owner;
  private final Presence ownerPresence;
  private final PresenceTable others = new PresenceTable();
  private final FaultReport faults;
  private volatile Mapping current; // null once closed

  /** A gate to {@code first}, created by (and so owned by) the calling thread. */
  public Gate(Mapping first, FaultReport faults) {
    Thread creator = Thread.currentThread();
    this.owner = creator;
    this.ownerPresence = creator.isVirtual() ? Presence.COUNTED : new Presence(creator);
    this.faults = faults;
    this.current = first;
  }

  // --- the protocol, step by step (only the single-byte hot paths of Mmap call these directly) ---

  /** The calling thread's presence; the creating thread's is one comparison away. */
  public Presence presence() {
    Thread t = Thread.currentThread();
    return t == owner ? ownerPresence : others.of(t);
  }

  /** Enters the current mapping; throws {@code mmap closed or invalid} if there is none. */
  public Mapping enter(Presence p) {
    if (p == Presence.COUNTED) { // a constant comparison: no load on the hot path
      return enterCounted();
    }
    p.entered = Presence.ENTERING; // plain stores: see the class comment for why that suffices
    Mapping m = current;
    if (m == null) {
      p.leave();
      throw Errors.closed();
    }
    p.entered = m.generation();
    return m;
  }

  private Mapping enterCounted() {
    while (true) {
      Mapping m = current;
      if (m == null) {
        throw Errors.closed();
      }
      m.enterGuest();
      // Either the closer sees this guest in m, or this guest sees what the closer published.
      if (current == m) {
        return m;
      }
      m.exitGuest();
    }
  }

  /** Leaves the mapping {@link #enter} returned. */
  public void leave(Presence p, Mapping m) {
    if (p == Presence.COUNTED) {
      m.exitGuest();
    } else {
      p.leave();
    }
  }

  /** The exception for a fault raised while inside {@code m}. */
  public MmapTruncatedException fault(InternalError e, Mapping m) {
    return faults.truncated(e, m);
  }

  // --- the one guarded call ---

  /**
   * Runs {@code op} inside the current mapping: enter, run, pass the {@link FaultBarrier} inside
   * the {@code try} (so a late memory fault surfaces here), turn a fault into {@link
   * MmapTruncatedException}, leave.
   */
  public <R, X extends Exception> R call(Op<R, X> op) throws X {
    Presence p = presence();
    Mapping m = enter(p);
    try {
      R result = op.apply(m);
      FaultBarrier.poll();
      return result;
    } catch (InternalError e) {
      throw fault(e, m);
    } finally {
      leave(p, m);
    }
  }

  /** {@link #call} for an operation without a result. */
  public <X extends Exception> void run(VoidOp<X> op) throws X {
    callLong(m -> {
      op.apply(m);
      return 0;
    });
  }

  /** {@link #call} for a primitive result, without boxing. */
  public <X extends Exception> long callLong(LongOp<X> op) throws X {
    Presence p = presence();
    Mapping m = enter(p);
    try {
      long result = op.apply(m);
      FaultBarrier.poll();
      return result;
    } catch (InternalError e) {
      throw fault(e, m);
    } finally {
      leave(p, m);
    }
  }

  /**
   * Runs {@code op}, which hands memory to user code ({@code withSegment}), inside the current
   * mapping. The user code may run long and call back into the map, so this thread is counted
   * atomically in the mapping (not through its presence) and marked as holding a view: a close or
   * resize from this same thread would wait for itself, so it fails instead ({@link
   * #checkNoViewHere}).
   */
  public <R> R callView(Op<R, RuntimeException> op) {
    Mapping m = enterCounted();
    ViewHolders.add(this);
    try {
      R result = op.apply(m);
      FaultBarrier.poll();
      return result;
    } catch (InternalError e) {
      throw fault(e, m);
    } finally {
      ViewHolders.remove(this);
      m.exitGuest();
    }
  }

  /** Fails if the calling thread is inside {@link #callView} of this gate. */
  public void checkNoViewHere(boolean resizing) {
    if (ViewHolders.holds(this)) {
      throw Errors.viewsExported(resizing);
    }
  }

  // --- state without memory access ---

  /** The current mapping, for operations that do not touch its memory; throws when closed. */
  public Mapping current() {
    Mapping m = current;
    if (m == null) {
      throw Errors.closed();
    }
    return m;
  }

  /** The current mapping, or null once closed. */
  public Mapping currentOrNull() {
    return current;
  }

  // --- the closer's side (the caller holds the storage's lock) ---

  /**
   * Makes {@code next} the mapping operations enter (null: closed) and waits until no operation is
   * inside {@code old} any more; after that {@code old} may be released.
   */
  public void replace(Mapping old, Mapping next) {
    current = next;
    Quiescence.awaitNoGuests(old);
    Thread self = Thread.currentThread();
    Quiescence.awaitOutside(ownerPresence, old, self);
    others.forEach(presence -> Quiescence.awaitOutside(presence, old, self));
  }
}
