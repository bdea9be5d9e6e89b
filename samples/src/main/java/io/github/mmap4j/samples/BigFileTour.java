package io.github.mmap4j.samples;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The big sample's steps on a sparse 6 GiB file: byte reads and writes at the offsets where {@code
 * int} arithmetic breaks, a slice and a find across them, a resize that grows the map, a map at an
 * offset beyond 4 GiB, and a check of every written byte with {@link RandomAccessFile}.
 */
public final class BigFileTour {
  static final long SIZE = 6L << 30;
  static final long GROWN = 7L << 30;
  private static final long TWO_31 = 1L << 31;
  private static final long TWO_32 = 1L << 32;
  private static final byte[] NEEDLE = "mmap4j@2^31".getBytes(US_ASCII);

  private final PrintWriter out;
  private final long findWindow;
  private final Map<Long, Integer> written = new TreeMap<>(); // offset -> byte, to check at the end
  private boolean ok = true;

  /** A tour printing to {@code out}; {@code find} starts {@code findWindow} bytes before 2^31. */
  public BigFileTour(PrintWriter out, long findWindow) {
    this.out = out;
    this.findWindow = findWindow;
  }

  /** Creates the sparse {@code file} and runs the steps; false if any read was not as written. */
  public boolean run(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(SIZE); // sparse: no data block is written
    }
    out.printf(Locale.ROOT, "# big: %s, sparse, %,d bytes (6 GiB)%n", file, SIZE);
    try (Mmap m = Mmap.open(file, 0, Access.WRITE)) {
      out.printf(
          Locale.ROOT,
          "Mmap.open(file, 0, WRITE): length() = %,d, size() = %,d%n",
          m.length(),
          m.size());
      bytesAtTheEdges(m);
      sliceAcrossTwoToThe32(m);
      findAcross(m);
      grow(m);
    }
    mapAtAnOffset(file);
    checkWithRandomAccessFile(file);
    return ok;
  }

  private void bytesAtTheEdges(Mmap m) {
    out.println();
    out.println("## m[i] = v, then m[i], where 32-bit offsets overflow");
    String[] names = {"2^31 - 1", "2^31", "2^31 + 1", "2^32 - 1", "2^32", "2^32 + 1", "len - 1"};
    long[] offsets = {
      TWO_31 - 1, TWO_31, TWO_31 + 1, TWO_32 - 1, TWO_32, TWO_32 + 1, m.length() - 1
    };
    for (int i = 0; i < offsets.length; i++) {
      int value = 0x11 * (i + 1);
      m.set(offsets[i], value);
      written.put(offsets[i], value);
      int read = m.get(offsets[i]);
      out.printf(
          Locale.ROOT,
          "m[%-8s] = 0x%02x   m[%,d] -> 0x%02x%s%n",
          names[i],
          value,
          offsets[i],
          read,
          check(read == value));
    }
    int last = m.get(-1);
    out.printf("m[-1]             -> 0x%02x (the last byte)%s%n", last, check(last == 0x77));
  }

  private void sliceAcrossTwoToThe32(Mmap m) {
    byte[] bytes = m.slice(TWO_32 - 2, TWO_32 + 2);
    out.printf(
        "m[2^32 - 2 : 2^32 + 2] -> %s, i.e. %s%n",
        PythonBytes.repr(bytes), HexFormat.ofDelimiter(" ").formatHex(bytes));
  }

  private void findAcross(Mmap m) {
    out.println();
    out.println("## a needle written across 2^31 with seek + write, found with find");
    long at = TWO_31 - NEEDLE.length / 2;
    m.seek(at);
    m.write(NEEDLE);
    for (int i = 0; i < NEEDLE.length; i++) {
      written.put(at + i, (int) NEEDLE[i]);
    }
    out.printf(
        Locale.ROOT,
        "m.seek(%,d); m.write(b'%s') -> m.tell() = %,d%n",
        at,
        new String(NEEDLE, US_ASCII),
        m.tell());
    long from = TWO_31 - findWindow;
    long started = System.nanoTime();
    long found = m.find(NEEDLE, from);
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        Locale.ROOT,
        "m.find(needle, %,d) -> %,d (2^31 - %d), %,d bytes searched in %.2f s%s%n",
        from,
        found,
        TWO_31 - found,
        found - from,
        seconds,
        check(found == at));
    long back = m.rfind(NEEDLE, TWO_31 - (1 << 20), TWO_31 + (1 << 20));
    out.printf(
        Locale.ROOT,
        "m.rfind(needle, 2^31 - 1 MiB, 2^31 + 1 MiB) -> %,d%s%n",
        back,
        check(back == at));
  }

  private void grow(Mmap m) throws IOException {
    out.println();
    out.println("## resize grows the map and the file");
    m.resize(GROWN);
    out.printf(
        Locale.ROOT, "m.resize(%,d): length() = %,d, size() = %,d%n", GROWN, m.length(), m.size());
    int fresh = m.get(SIZE);
    out.printf(
        Locale.ROOT, "m[%,d] -> 0x%02x (new bytes read as 0)%s%n", SIZE, fresh, check(fresh == 0));
    m.set(GROWN - 1, 0x88);
    written.put(GROWN - 1, 0x88);
    int last = m.get(-1);
    out.printf(
        Locale.ROOT, "m[-1] = 0x88; m[%,d] -> 0x%02x%s%n", GROWN - 1, last, check(last == 0x88));
  }

  private void mapAtAnOffset(Path file) throws IOException {
    out.println();
    out.println("## a 1 MiB map that starts at 4 GiB");
    try (Mmap m = Mmap.open(file, 1 << 20, Access.READ, TWO_32)) {
      out.printf(
          Locale.ROOT,
          "Mmap.open(file, 1 MiB, READ, offset 2^32): offset() = %,d, length() = %,d, size() = %,d%n",
          m.offset(),
          m.length(),
          m.size());
      int first = m.get(0);
      int second = m.get(1);
      out.printf(
          "m[0] -> 0x%02x, m[1] -> 0x%02x (bytes 2^32 and 2^32 + 1 of the file)%s%n",
          first, second, check(first == written.get(TWO_32) && second == written.get(TWO_32 + 1)));
    }
  }

  private void checkWithRandomAccessFile(Path file) throws IOException {
    out.println();
    int mismatches = 0;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      for (Map.Entry<Long, Integer> e : written.entrySet()) {
        raf.seek(e.getKey());
        int read = raf.read();
        if (read != e.getValue()) {
          mismatches++;
          out.printf(
              Locale.ROOT,
              "MISMATCH at %,d: wrote 0x%02x, the file holds 0x%02x%n",
              e.getKey(),
              e.getValue(),
              read);
        }
      }
      out.printf(
          Locale.ROOT,
          "RandomAccessFile: length %,d; %d of the %d bytes written through the maps read back%s%n",
          raf.length(),
          written.size() - mismatches,
          written.size(),
          check(mismatches == 0 && raf.length() == GROWN));
    }
  }

  /** Marks a result that is not what was written; remembers the failure for the exit status. */
  private String check(boolean expected) {
    ok &= expected;
    return expected ? "" : "   <-- NOT AS WRITTEN";
  }
}
