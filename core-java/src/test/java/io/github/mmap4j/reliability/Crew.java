package io.github.mmap4j.reliability;

import java.util.ArrayList;
import java.util.List;

/** The threads of one scenario round, platform or virtual: started together, joined together. */
final class Crew {
  private final List<Thread> threads = new ArrayList<>();
  private final List<String> uncaught = new ArrayList<>();

  /** Starts {@code task} on a platform thread ({@code virtual} false) or a virtual thread. */
  Thread start(boolean virtual, ThrowingTask task) {
    Runnable body =
        () -> {
          try {
            task.run();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    Thread thread =
        virtual ? Thread.ofVirtual().unstarted(body) : Thread.ofPlatform().unstarted(body);
    thread.setUncaughtExceptionHandler((t, e) -> {
      synchronized (Crew.class) {
        uncaught.add(t + ": " + e);
      }
    });
    threads.add(thread);
    thread.start();
    return thread;
  }

  /** Waits for every thread; returns what escaped from them (empty if nothing did). */
  List<String> joinAll() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
    synchronized (Crew.class) {
      return List.copyOf(uncaught);
    }
  }

  /** A thread's work, which may throw. */
  @FunctionalInterface
  interface ThrowingTask {
    void run() throws Exception;
  }
}
