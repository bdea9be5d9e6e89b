package io.github.mmap4j.reliability;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The child of {@link AddressSpaceExhaustionTest}, run under {@code ulimit -v}: for each kind of
 * map, makes maps until the OS refuses one, checks the maps it holds, closes them all, maps again,
 * and fills the address space a second time. Prints one tab-separated {@code result} line per kind:
 * kind, maps made, the refusal's class, message and cause class, the check after closing ({@code
 * ok} or what went wrong), maps made the second time, and mappings of the file left after closing.
 *
 * <p>Arguments: {@code measure} (print this JVM's address space size in KiB, after loading what the
 * probe uses) or {@code exhaust}, then a scratch directory.
 */
public final class AddressSpaceProbe {
  static final long CHUNK = 512L << 20;
  static final long SMALL_CHUNK = 16L << 20;
  static final String[] KINDS = {
    "open-read", "open-write", "open-copy", "map-channel", "anonymous", "anonymous-huge", "resize"
  };
  private static final int MOST_MAPS = 128; // 64 GiB: the limit must refuse long before

  private final Path sparse;
  private final FileChannel channel;

  private AddressSpaceProbe(Path dir) throws Exception {
    sparse = dir.resolve("sparse-" + ProcessHandle.current().pid() + ".bin");
    try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
      file.setLength(MOST_MAPS * CHUNK);
    }
    channel = FileChannel.open(sparse, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  public static void main(String[] args) throws Exception {
    AddressSpaceProbe probe = new AddressSpaceProbe(Path.of(args[1]));
    try {
      probe.warmUp();
      if (args[0].equals("measure")) {
        System.out.println("vmsize-kib " + vmSizeKib());
        return;
      }
      for (String kind : KINDS) {
        long started = System.nanoTime();
        String result = kind.equals("resize") ? probe.resize() : probe.exhaust(kind);
        System.out.println(result + "\t" + (System.nanoTime() - started) / 1_000_000 + " ms");
      }
    } finally {
      probe.channel.close();
      Files.delete(probe.sparse);
    }
  }

  /** Loads every class the probe needs while the address space is plenty. */
  private void warmUp() throws Exception {
    for (String kind : KINDS) {
      make(kind.equals("anonymous-huge") ? "anonymous" : kind, 0).close();
    }
    Path small = sparse.resolveSibling("warm-up-" + ProcessHandle.current().pid() + ".bin");
    Files.write(small, new byte[Mmap.PAGESIZE]);
    try (Mmap map = Mmap.open(small, Access.WRITE)) {
      map.resize(2L * Mmap.PAGESIZE);
    }
    Files.delete(small);
  }

  private String exhaust(String kind) throws Exception {
    List<Mmap> filler = new ArrayList<>();
    List<Mmap> maps = new ArrayList<>();
    Throwable refusal = fill(kind, maps, filler);
    int made = maps.size();
    String check = checkEach(maps);
    closeAll(maps);
    closeAll(filler);
    String after = check.equals("ok") ? roundTrip(kind) : check;
    List<Mmap> again = new ArrayList<>();
    fill(kind, again, filler);
    int madeAgain = again.size();
    closeAll(again);
    closeAll(filler);
    return result(kind, made, refusal, after, madeAgain, mappingsOfTheFile());
  }

  /**
   * Like {@link #fill(String, List)}. Anonymous maps are lazy (with native access, or on a large
   * enough {@code /dev/shm}); where they are not, they zero-fill and so take memory, and file maps
   * in {@code filler} first take all the address space but less than {@link #SMALL_CHUNK}.
   */
  private Throwable fill(String kind, List<Mmap> maps, List<Mmap> filler) throws Exception {
    if (kind.equals("anonymous") && !anonymousIsLazy()) {
      fill("open-read", filler);
      fill("open-read-small", filler);
      return fill("anonymous-small", maps);
    }
    return fill(kind, maps);
  }

  private static boolean anonymousIsLazy() throws Exception {
    Path shm = Path.of("/dev/shm");
    return AddressSpaceProbe.class.getModule().isNativeAccessEnabled()
        || (Files.isDirectory(shm) && Files.getFileStore(shm).getUsableSpace() > (8L << 30));
  }

  /** Makes maps of {@code kind} until one is refused; returns the refusal (null if none was). */
  private Throwable fill(String kind, List<Mmap> maps) {
    try {
      while (maps.size() < MOST_MAPS) {
        maps.add(make(kind, maps.size()));
      }
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private Mmap make(String kind, int index) throws Exception {
    long offset = index * CHUNK;
    return switch (kind) {
      case "open-read" -> Mmap.open(sparse, CHUNK, Access.READ, offset);
      case "open-write", "resize" -> Mmap.open(sparse, CHUNK, Access.WRITE, offset);
      case "open-copy" -> Mmap.open(sparse, CHUNK, Access.COPY, offset);
      case "map-channel" -> Mmap.map(channel, CHUNK, Access.WRITE, offset);
      case "anonymous" -> Mmap.anonymous(CHUNK); // lazy: takes address space, not memory
      case "open-read-small" -> Mmap.open(sparse, SMALL_CHUNK, Access.READ, index * SMALL_CHUNK);
      case "anonymous-small" -> Mmap.anonymous(1L << 20);
      case "anonymous-huge" -> Mmap.anonymous(index == 0 ? 1L << 40 : CHUNK);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /**
   * One WRITE map grown by {@link #CHUNK} at a time until a grow is refused; then the file must
   * have its old length back and the map its old length and bytes.
   */
  private String resize() throws Exception {
    Path file = sparse.resolveSibling("grown-" + ProcessHandle.current().pid() + ".bin");
    int grows = 0;
    Throwable refusal = null;
    String after;
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.setLength(CHUNK);
    }
    try (Mmap map = Mmap.open(file, Access.WRITE)) {
      map.set(CHUNK - 1, 42);
      try {
        while (grows < MOST_MAPS) {
          map.resize(map.length() + CHUNK);
          grows++;
        }
      } catch (Throwable t) {
        refusal = t;
      }
      long expected = CHUNK * (grows + 1);
      if (Files.size(file) != expected || map.length() != expected) {
        after = "file " + Files.size(file) + " and map " + map.length() + ", expected " + expected;
      } else {
        after = map.get(CHUNK - 1) == 42 ? roundTrip(map) : "byte lost";
      }
    }
    Files.delete(file);
    return result("resize", grows, refusal, after, -1, mappingsOfTheFile());
  }

  private static String checkEach(List<Mmap> maps) {
    for (Mmap map : maps) {
      String check = roundTrip(map);
      if (!check.equals("ok")) {
        return check;
      }
    }
    return "ok";
  }

  private String roundTrip(String kind) {
    try (Mmap map = make(kind.equals("anonymous-huge") ? "anonymous" : kind, 0)) {
      return roundTrip(map);
    } catch (Throwable t) {
      return "mapping after close failed: " + t;
    }
  }

  /** A write and read back (a read on READ maps): the map works. */
  private static String roundTrip(Mmap map) {
    long last = map.length() - 1;
    if (map.access() != Access.READ) {
      map.set(last, 0x5A);
      if (map.get(last) != 0x5A) {
        return "wrote 0x5A, read " + map.get(last);
      }
      map.set(last, 0);
    }
    return map.get(0) == 0 ? "ok" : "read " + map.get(0) + " from a zero file";
  }

  private static void closeAll(List<Mmap> maps) {
    maps.forEach(Mmap::close);
    maps.clear();
  }

  private long mappingsOfTheFile() throws Exception {
    String name = sparse.toAbsolutePath().toString();
    return Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .filter(line -> line.endsWith(name))
        .count();
  }

  private static String result(
      String kind, int made, Throwable refusal, String after, int again, long left) {
    String refused =
        refusal == null
            ? "-\t-\t-"
            : refusal.getClass().getName()
                + "\t"
                + refusal.getMessage()
                + "\t"
                + (refusal.getCause() == null ? "-" : refusal.getCause().getClass().getName());
    return String.join("\t", "result", kind, "" + made, refused, after, "" + again, "" + left);
  }

  private static long vmSizeKib() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmSize:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmSize in /proc/self/status");
  }
}
