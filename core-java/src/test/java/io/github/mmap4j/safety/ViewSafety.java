package io.github.mmap4j.safety;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The forked half of {@link ViewSafetyTest}. Prints one line per scenario; a crash of this JVM
 * (SIGSEGV on unmapped memory) fails the test by its exit code and its hs_err file.
 */
public final class ViewSafety {
  private ViewSafety() {}

  public static void main(String[] args) throws Exception {
    Path file = Files.createTempFile("mmap4j-views", ".bin");
    try {
      Files.write(file, new byte[1 << 20]);
      leakedViewAfterTheCall(file);
      closeFromAnotherThreadWaitsForTheView(file);
      copyMaps(file);
    } finally {
      Files.delete(file);
    }
  }

  private static void leakedViewAfterTheCall(Path file) throws Exception {
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      AtomicReference<MemorySegment> leaked = new AtomicReference<>();
      m.withSegment(0, m.length(), leaked::getAndSet);
      System.out.println("after-call=" + use(leaked.get()));
    }
  }

  /**
   * Another thread closes while a view is in use: close waits for the view's call to end; then the
   * view's thread uses the view it kept, and so does a third thread.
   */
  private static void closeFromAnotherThreadWaitsForTheView(Path file) throws Exception {
    Mmap m = Mmap.open(file, Access.WRITE);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<MemorySegment> leaked = new AtomicReference<>();
    AtomicReference<String> during = new AtomicReference<>();
    AtomicReference<String> afterClose = new AtomicReference<>();
    Thread user =
        new Thread(() -> {
          m.withSegment(
              0,
              m.length(),
              s -> {
                leaked.set(s);
                inside.countDown();
                long sum = 0;
                for (int round = 0; round < 200; round++) { // reads while close() waits
                  for (long i = 0; i < s.byteSize(); i += 4096) {
                    sum += s.get(ValueLayout.JAVA_BYTE, i);
                  }
                }
                during.set("read-ok sum=" + sum);
                return sum;
              });
          awaitQuietly(closed);
          afterClose.set(use(leaked.get()));
        });
    user.start();
    inside.await();
    m.close(); // from the main thread, while the user thread is inside its view
    closed.countDown();
    user.join();
    System.out.println("during-close=" + during.get());
    System.out.println("closed=" + m.isClosed());
    System.out.println("after-close=" + afterClose.get());
    System.out.println("other-thread=" + use(leaked.get()));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void copyMaps(Path file) throws Exception {
    try (Mmap m = Mmap.open(file, Access.COPY)) {
      System.out.println("copy=" + m.withSegment(0, 16, s -> "view of " + s.byteSize()));
    } catch (UnsupportedOperationException e) {
      System.out.println("copy=" + e.getClass().getSimpleName());
    }
  }

  private static String use(MemorySegment view) {
    try {
      return "read " + view.get(ValueLayout.JAVA_BYTE, 0);
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }
}
