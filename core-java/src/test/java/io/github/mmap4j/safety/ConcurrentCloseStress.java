package io.github.mmap4j.safety;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The forked half of {@link ConcurrentCloseTest}: readers hammer one map on several threads while
 * another thread closes it (or resizes it). Exits 0 when every failure seen was the documented
 * {@code IllegalStateException("mmap closed or invalid")}; a JVM crash exits non-zero by itself.
 *
 * <p>Arguments: rounds, and {@code guest-close} (the creating thread reads, another closes) or
 * {@code owner-close} (other threads read, the creating thread closes) or {@code resize}; {@code
 * guest-close-channel} maps a borrowed channel instead of a path; {@code guests-only-close} and
 * {@code guests-only-resize} have as many readers as the machine has cores, none of them the
 * creator, and the creator closes or resizes. An optional third argument sets the reader count.
 */
public final class ConcurrentCloseStress {
  private ConcurrentCloseStress() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    String mode = args[1];
    int readerCount =
        args.length > 2
            ? Integer.parseInt(args[2])
            : mode.startsWith("guests-only") ? Runtime.getRuntime().availableProcessors() : 2;
    Path file = Files.createTempFile("mmap4j-stress", ".bin");
    Files.write(file, new byte[1 << 20]);
    AtomicLong operations = new AtomicLong();
    AtomicReference<Throwable> unexpected = new AtomicReference<>();
    boolean borrowed = mode.endsWith("-channel");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    for (int round = 0; round < rounds && unexpected.get() == null; round++) {
      Mmap map = borrowed ? Mmap.map(channel, 0, Access.WRITE) : Mmap.open(file, Access.WRITE);
      CountDownLatch started = new CountDownLatch(readerCount);
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < readerCount; t++) {
        Thread reader = new Thread(() -> hammer(map, started, operations, unexpected));
        readers.add(reader);
        reader.start();
      }
      started.await();
      switch (mode) {
        case "owner-close", "guests-only-close" -> map.close();
        case "guest-close", "guest-close-channel" -> {
          Thread closer = new Thread(map::close);
          closer.start();
          hammerUntilClosed(map, operations, unexpected);
          closer.join();
        }
        case "resize", "guests-only-resize" -> {
          map.resize(1 << 19);
          map.resize(1 << 20);
          map.close();
        }
        default -> throw new IllegalArgumentException(mode);
      }
      for (Thread reader : readers) {
        reader.join();
      }
    }
    channel.close();
    Files.delete(file);
    if (unexpected.get() != null) {
      unexpected.get().printStackTrace();
      System.exit(3);
    }
    System.out.println("ok rounds=" + rounds + " operations=" + operations.get());
  }

  private static void hammer(
      Mmap map, CountDownLatch started, AtomicLong operations, AtomicReference<Throwable> bad) {
    started.countDown();
    hammerUntilClosed(map, operations, bad);
  }

  private static void hammerUntilClosed(
      Mmap map, AtomicLong operations, AtomicReference<Throwable> bad) {
    byte[] needle = {1, 2, 3, 4};
    long done = 0;
    try {
      for (long i = 0; ; i++) {
        int index = (int) (i * 7919 % (1 << 19));
        switch ((int) (i & 3)) {
          case 0 -> map.get(index);
          case 1 -> map.slice(index, index + 4096);
          case 2 -> map.find(needle, index, index + 65536);
          default -> map.set(index, 7);
        }
        done++;
      }
    } catch (IllegalStateException e) {
      if (!"mmap closed or invalid".equals(e.getMessage())) {
        bad.compareAndSet(null, e);
      }
    } catch (Throwable t) {
      bad.compareAndSet(null, t);
    }
    operations.addAndGet(done);
  }
}
