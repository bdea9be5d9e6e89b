package io.github.mmap4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The presences of the threads other than a map's creator, found by thread id in an open-addressed
 * table that is replaced, never changed, when a thread registers: lookups take no lock and cost a
 * hash, a load and a comparison. Registration (a thread's first operation on the map) copies the
 * table; threads that have ended are dropped then. Virtual threads are not registered: they would
 * fill the table, so they use {@link Presence#COUNTED}.
 */
final class PresenceTable {
  private static final Presence[] EMPTY = new Presence[1];

  private volatile Presence[] table = EMPTY; // length a power of two, at most half full

  /** The presence of {@code t}, registering it on its first call. */
  Presence of(Thread t) {
    Presence[] slots = table;
    Presence p = slots[(int) t.threadId() & (slots.length - 1)];
    if (p != null && p.thread == t) {
      return p;
    }
    return probe(t);
  }

  private Presence probe(Thread t) {
    if (t.isVirtual()) {
      return Presence.COUNTED;
    }
    Presence found = find(table, t);
    return found != null ? found : register(t);
  }

  private static Presence find(Presence[] slots, Thread t) {
    int mask = slots.length - 1;
    for (int i = (int) t.threadId() & mask; slots[i] != null; i = (i + 1) & mask) {
      if (slots[i].thread == t) {
        return slots[i];
      }
    }
    return null;
  }

  /**
   * Adds {@code t}. The new table is published (a volatile write) before {@code t} reads the map's
   * state, and a closer reads the table after publishing that state: one of the two sees the other.
   */
  private synchronized Presence register(Thread t) {
    Presence found = find(table, t);
    if (found != null) {
      return found;
    }
    List<Presence> live = new ArrayList<>();
    forEach(p -> {
      if (p.thread.isAlive()) {
        live.add(p);
      }
    });
    Presence added = new Presence(t);
    live.add(added);
    int capacity = Integer.highestOneBit(live.size() * 2 - 1) << 1;
    Presence[] next = new Presence[capacity];
    for (Presence p : live) {
      int mask = capacity - 1;
      int i = (int) p.thread.threadId() & mask;
      while (next[i] != null) {
        i = (i + 1) & mask;
      }
      next[i] = p;
    }
    table = next;
    return added;
  }

  /** Every registered presence, in the table published now. */
  void forEach(Consumer<Presence> action) {
    for (Presence p : table) {
      if (p != null) {
        action.accept(p);
      }
    }
  }
}
