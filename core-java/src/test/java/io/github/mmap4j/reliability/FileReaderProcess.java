package io.github.mmap4j.reliability;

import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

/**
 * The reading half of {@link TwoProcessesTest}. Until the command {@code hold}, maps the whole file
 * again and again, reading, searching and iterating while the other process writes and resizes it;
 * every byte must be its record's byte or zero, every search hit a record's own slot, and the only
 * exception allowed is {@link MmapTruncatedException} (the writer shrank the file under this map).
 * On {@code hold} it maps the file and reports {@code holding length=…}; on {@code probe} (after
 * the writer truncated the file to 10 bytes) it runs {@link TruncationProbe}. Prints {@code reader
 * ok operations=… truncations=…}; exits 3 on a wrong byte or an undocumented exception.
 *
 * <p>Arguments: the file, a seed.
 */
public final class FileReaderProcess {
  private static volatile String command = "";

  private FileReaderProcess() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Thread listener =
        new Thread(() -> {
          try {
            String line;
            while ((line = commands.readLine()) != null) {
              command = line;
            }
          } catch (Exception e) {
            command = "stdin failed: " + e;
          }
        });
    listener.setDaemon(true);
    listener.start();
    long operations = 0;
    long truncations = 0;
    while (!command.equals("hold")) {
      try (Mmap map = Mmap.open(file)) {
        for (int i = 0; i < 50; i++) {
          readAndSearch(map, random);
          operations += 5;
        }
      } catch (MmapTruncatedException e) {
        TruncationProbe.expectMessage(e);
        truncations++;
      } catch (RuntimeException | Error e) {
        fail("unexpected " + e, e);
      }
    }
    try (Mmap map = Mmap.open(file)) {
      check(Record.firstForeignByte(map.read(), 0));
      System.out.println("holding length=" + map.length());
      System.out.flush();
      while (!command.equals("probe")) {
        Thread.onSpinWait();
      }
      TruncationProbe probe = new TruncationProbe(map);
      probe.run();
      operations += probe.operations;
      truncations += probe.operations;
      System.out.printf(
          "slowest failing call: %s, %d ms%n", probe.slowest, probe.slowestNanos / 1_000_000);
    }
    System.out.printf("reader ok operations=%d truncations=%d%n", operations, truncations);
  }

  /** Five checked operations at random places. */
  private static void readAndSearch(Mmap map, SplittableRandom random) {
    long length = map.length();
    long slots = length / Record.SIZE;
    long from = random.nextLong(length);
    long to = Math.min(length, from + random.nextInt(65536));
    check(Record.firstForeignByte(map.slice(from, to), from));
    long slot = random.nextLong(slots);
    long found = map.find(Record.of(slot), 0);
    if (found != -1 && found != slot * Record.SIZE) {
      fail("find of record " + slot + " returned " + found);
    }
    long last = map.rfind(Record.of(slot), 0);
    if (last != -1 && last != slot * Record.SIZE) {
      fail("rfind of record " + slot + " returned " + last);
    }
    map.seek(slot * Record.SIZE);
    byte[] line = map.readLine();
    check(Record.firstForeignByte(line, slot * Record.SIZE));
    PrimitiveIterator.OfLong starts = map.findAllIndices(Record.MAGIC);
    for (int k = 0; k < 50 && starts.hasNext(); k++) {
      long at = starts.nextLong();
      if (at % Record.SIZE != 0) {
        fail("REC: found at " + at + ", not at a slot's start");
      }
    }
  }

  private static void check(String foreign) {
    if (foreign != null) {
      fail(foreign);
    }
  }

  static void fail(String message) {
    fail(message, null);
  }

  static void fail(String message, Throwable cause) {
    System.err.println("FAILED: " + message);
    if (cause != null) {
      cause.printStackTrace();
    }
    System.exit(3);
  }
}
