package io.github.mmap4j.internal;

import io.github.mmap4j.Madvise;
import io.github.mmap4j.MmapTruncatedException;
import java.io.IOException;
import java.lang.ref.Cleaner;

/**
 * What a map's memory is and what the OS does with it: a file ({@link FileStorage}) or anonymous
 * memory ({@link AnonymousStorage}), chosen once when the map is made. Storage owns the lifecycle
 * (resize, close, release, the {@link Cleaner} for maps nobody closes), the questions only the OS
 * can answer ({@code size}, {@code flush}, {@code madvise}), and the message of a truncation fault.
 * It knows nothing of CPython's argument rules: {@code Mmap} checks those first.
 */
public abstract sealed class Storage permits FileStorage, AnonymousStorage {
  private static final Cleaner CLEANER = Cleaner.create();

  /** Held by close and resize, never by an operation (they may wait for operations to leave). */
  final Object lock = new Object();

  private final Gate gate;
  private volatile Mapping live; // what releasing gives back; the gate's current may be null
  private Cleaner.Cleanable cleanable;

  Storage(Mapping first) {
    this.live = first;
    this.gate = new Gate(first, this::truncated);
  }

  /** The gate every access to this storage's memory passes. */
  public final Gate gate() {
    return gate;
  }

  /**
   * Releases the memory (and an owned channel) when {@code owner} becomes unreachable without
   * having been closed. Called once, by the map that owns this storage.
   */
  public final void releaseWhenUnreachable(Object owner) {
    cleanable = CLEANER.register(owner, this::releaseAll);
  }

  /** Closes: later operations fail, operations in flight finish first, then the memory goes. */
  public final void close() {
    gate.checkNoViewHere(false);
    synchronized (lock) {
      Mapping m = gate.currentOrNull();
      if (m == null) {
        return;
      }
      gate.replace(m, null);
      cleanable.clean();
    }
  }

  /**
   * Makes {@code next} the mapping and releases {@code old} once nothing is inside it (its memory
   * stays if {@code next} shares it). The caller holds {@link #lock}.
   */
  final void switchTo(Mapping old, Mapping next) {
    gate.replace(old, next);
    live = next;
    if (!old.sharesMemoryWith(next)) {
      old.release();
    }
  }

  /** Runs once: from {@link #close()}, or from the Cleaner when nothing can be inside. */
  private void releaseAll() {
    live.release();
    releaseResources();
  }

  /** What else a closed map gives back (an owned channel). */
  void releaseResources() {}

  /** The file offset the map starts at; 0 for anonymous memory. */
  public abstract long offset();

  /** {@code m.size()}: the length of the whole file now. */
  public abstract long size() throws IOException;

  /** The resize checks that come before CPython's (a borrowed channel closed by its owner). */
  public abstract void checkResizable();

  /**
   * Resizes to {@code newSize}, already checked against CPython's generic rules ({@code new size
   * out of range}). Kind-specific rules come here, in CPython's order.
   */
  public abstract void resize(long newSize) throws IOException;

  /** Writes {@code size > 0} bytes from the page-aligned {@code offset} back to the file. */
  public abstract void flush(Mapping m, long offset, long size) throws IOException;

  /**
   * Applies {@code option} to {@code count >= 0} bytes from the page-aligned {@code start}, or
   * fails as the kernel would for this kind of memory.
   */
  public abstract void madvise(Mapping m, Madvise option, long start, long count)
      throws IOException;

  /** The exception for a fault on a page the file no longer has. */
  abstract MmapTruncatedException truncated(InternalError fault, Mapping m);
}
