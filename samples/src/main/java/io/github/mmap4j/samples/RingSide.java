package io.github.mmap4j.samples;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.nio.file.Path;

/**
 * What the producer and the consumer JVMs share: map the ring file the parent named, read the
 * settings from its header, run, and turn the outcome into an exit status and one line on standard
 * error that starts with the side's name (the parent quotes it).
 */
final class RingSide {
  /** The work of one side, on the ring's map. */
  interface Work {
    void run(Mmap m, RingSettings settings, Backoff backoff);
  }

  private RingSide() {}

  /** Runs {@code work} as {@code side} on the file in {@code args[0]}; exits the JVM. */
  static void main(String side, String[] args, Work work) {
    System.exit(run(side, args, work));
  }

  /**
   * Ends this JVM when the parent that started it ends: a parent killed before it could stop the
   * sides must not leave them running.
   */
  private static void stopWithParent(String side) {
    ProcessHandle.current()
        .parent()
        .ifPresent(parent ->
            parent
                .onExit()
                .thenRun(() -> {
                  System.err.println(
                      side + ": the parent process " + parent.pid() + " is gone; stopping");
                  Runtime.getRuntime().halt(RingStalledException.EXIT_STATUS);
                }));
  }

  private static int run(String side, String[] args, Work work) {
    if (args.length != 1) {
      System.err.println(
          side + ": usage: java … " + side + " RING_FILE (the ipc sample starts it)");
      return 2;
    }
    // Only a WRITE (or DEFAULT) map of the file is MAP_SHARED: the two sides see each other's
    // stores, and the atomic calls are atomic across the processes.
    try (Mmap m = Mmap.open(Path.of(args[0]), 0, Access.WRITE)) {
      RingSettings settings = RingSettings.readFrom(m);
      stopWithParent(side);
      work.run(m, settings, new Backoff(settings.startupMillis() * 1_000_000));
      return 0;
    } catch (RingStalledException e) {
      System.err.println(side + ": " + e.getMessage());
      return RingStalledException.EXIT_STATUS;
    } catch (Exception e) {
      System.err.println(side + ": " + e);
      e.printStackTrace();
      return 1;
    }
  }
}
