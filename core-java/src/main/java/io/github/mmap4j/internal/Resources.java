package io.github.mmap4j.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What a map must give back: its current mapping and the channel it owns. Runs once, from {@code
 * close()} or, for a map nobody closed, from the {@link java.lang.ref.Cleaner} after the map became
 * unreachable (then no operation can be inside it).
 */
public final class Resources implements Runnable {
  private volatile Mapping mapping;
  private final FileChannel ownedChannel;

  public Resources(Mapping mapping, FileChannel ownedChannel) {
    this.mapping = mapping;
    this.ownedChannel = ownedChannel;
  }

  /** Releases the old mapping (the caller made sure nothing is inside it), keeps the new one. */
  public void replaceMapping(Mapping next) {
    Mapping old = mapping;
    mapping = next;
    if (!old.sharesMemoryWith(next)) {
      old.release();
    }
  }

  @Override
  public void run() {
    mapping.release();
    if (ownedChannel != null) {
      try {
        ownedChannel.close();
      } catch (IOException e) {
        // Nothing was written through the channel (maps write through memory): nothing is lost.
      }
    }
  }
}
