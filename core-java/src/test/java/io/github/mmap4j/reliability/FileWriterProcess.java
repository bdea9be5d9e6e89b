package io.github.mmap4j.reliability;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The writing half of {@link TwoProcessesTest}: appends {@link Record}s to a file through a WRITE
 * map, grows the file with {@code resize} when the map is full and now and then shrinks it (the
 * records beyond are gone, and written again later), by much when it reaches 4 MiB. Then it makes
 * the file 1 MiB of records and prints {@code done records=… grows=… shrinks=…}, then on the
 * command {@code truncate} shrinks the file to 10 bytes under the reader ({@code truncated}), and
 * on {@code exit} (or the end of stdin) closes the map and exits.
 *
 * <p>Arguments: the file (at least 64 KiB), the milliseconds to write for, a seed.
 */
public final class FileWriterProcess {
  static final long STEP = 64 * 1024;
  static final long CAP = 4L << 20;
  static final long FINAL_LENGTH = 1L << 20;

  private FileWriterProcess() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    long records = 0;
    long grows = 0;
    long shrinks = 0;
    try (Mmap map = Mmap.open(file, Access.WRITE)) {
      long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000;
      long frontier = 0;
      while (System.nanoTime() < deadline) {
        if ((frontier + 1) * Record.SIZE > map.length()) {
          map.resize(map.length() + STEP);
          grows++;
        }
        map.setSlice(frontier * Record.SIZE, (frontier + 1) * Record.SIZE, Record.of(frontier));
        frontier++;
        records++;
        if (random.nextInt(1000) == 0) {
          map.flush();
        }
        boolean full = map.length() >= CAP; // then a big cut, else now and then a small one
        if (full || (random.nextInt(3000) == 0 && map.length() > STEP)) {
          long cut = full ? random.nextLong(CAP - STEP) : (1 + random.nextInt(8)) * 4096L;
          long length = Math.max(STEP, map.length() - cut);
          map.resize(length);
          frontier = Math.min(frontier, length / Record.SIZE);
          shrinks++;
        }
      }
      map.resize(FINAL_LENGTH); // a known length for the truncation probe, every slot written
      for (long slot = Math.min(frontier, FINAL_LENGTH / Record.SIZE);
          slot < FINAL_LENGTH / Record.SIZE;
          slot++) {
        map.setSlice(slot * Record.SIZE, (slot + 1) * Record.SIZE, Record.of(slot));
      }
      System.out.printf("done records=%d grows=%d shrinks=%d%n", records, grows, shrinks);
      System.out.flush();
      String command;
      while ((command = commands.readLine()) != null && !command.equals("exit")) {
        if (command.equals("truncate")) {
          map.resize(10);
          System.out.println("truncated");
          System.out.flush();
        }
      }
    }
  }
}
