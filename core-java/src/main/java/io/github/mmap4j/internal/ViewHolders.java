package io.github.mmap4j.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The gates whose views the current thread is inside, innermost last. Only {@code withSegment} and
 * close/resize look here, never the byte paths, so a {@link ThreadLocal} costs nothing that
 * matters.
 */
final class ViewHolders {
  private static final ThreadLocal<List<Gate>> HELD = ThreadLocal.withInitial(ArrayList::new);

  private ViewHolders() {}

  static void add(Gate gate) {
    HELD.get().add(gate);
  }

  static void remove(Gate gate) {
    List<Gate> held = HELD.get();
    held.remove(held.lastIndexOf(gate));
  }

  static boolean holds(Gate gate) {
    return HELD.get().contains(gate);
  }
}
