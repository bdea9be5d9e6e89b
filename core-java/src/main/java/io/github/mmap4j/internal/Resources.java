package io.github.mmap4j.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;

/**
 * What a map must give back: the arena of its current mapping and the channel it owns. Runs once,
 * from {@code close()} or, for a map nobody closed, from the {@link java.lang.ref.Cleaner} after
 * the map became unreachable (then no operation can be inside it).
 */
public final class Resources implements Runnable {
  private volatile Arena arena;
  private final FileChannel ownedChannel;

  public Resources(Arena arena, FileChannel ownedChannel) {
    this.arena = arena;
    this.ownedChannel = ownedChannel;
  }

  /** Releases the old arena (the caller made sure nothing is inside it) and keeps the new one. */
  public void replaceArena(Arena next) {
    Arena old = arena;
    arena = next;
    if (old != next) {
      old.close();
    }
  }

  @Override
  public void run() {
    arena.close();
    if (ownedChannel != null) {
      try {
        ownedChannel.close();
      } catch (IOException e) {
        // Nothing was written through the channel (maps write through memory): nothing is lost.
      }
    }
  }
}
