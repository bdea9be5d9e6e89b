package io.github.mmap4j.safety;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.nio.file.Path;

/**
 * The forked half of {@link AtomicAcrossProcessesTest}: increments the {@code long} at index 0 of a
 * shared file map {@code count} times, with {@code getAndAddLong} ({@code add}) or a {@code
 * compareAndSetLong} retry loop ({@code cas}), after waiting until the start time it is given so
 * that both processes really overlap.
 */
public final class AtomicCounter {
  private AtomicCounter() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String mode = args[1];
    long count = Long.parseLong(args[2]);
    long startAt = Long.parseLong(args[3]);
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      while (System.currentTimeMillis() < startAt) {
        Thread.onSpinWait();
      }
      long retries = 0;
      for (long i = 0; i < count; i++) {
        if (mode.equals("add")) {
          m.getAndAddLong(0, 1);
        } else {
          long seen;
          do {
            seen = m.getLongVolatile(0);
            retries++;
          } while (!m.compareAndSetLong(0, seen, seen + 1));
        }
      }
      System.out.println("ok retries=" + (retries - (mode.equals("add") ? 0 : count)));
    }
  }
}
