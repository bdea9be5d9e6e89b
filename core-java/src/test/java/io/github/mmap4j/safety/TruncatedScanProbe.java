package io.github.mmap4j.safety;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import io.github.mmap4j.internal.ByteSearch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Run in a forked JVM by {@link CompiledScanTruncationTest}: warms every scanning and copying
 * operation on an intact map until the JIT has compiled the search kernel, truncates the file under
 * the map, warms the same operations on the lost pages, then times 1,000 more calls of each. Every
 * call on the truncated map must throw {@link MmapTruncatedException}. Writes {@code kernel=…}, one
 * {@code op=… calls=… ms=…} line per operation, then {@code ok} to a report file (stdout belongs to
 * {@code -XX:+PrintCompilation}); exits 3 on a wrong outcome (a JVM crash shows as another non-zero
 * exit code).
 *
 * <p>Arguments: the file to map, the report file, the warm-up calls on the intact map, on the
 * truncated one, and the timed calls.
 */
public final class TruncatedScanProbe {
  private static final byte[] ABSENT = "for  the absence".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMMON = "the ".getBytes(StandardCharsets.US_ASCII);
  private static final int PAGE = Mmap.PAGESIZE;
  private static final int PAGES = 64;

  private static Path report;

  private TruncatedScanProbe() {}

  private static void report(String line) {
    try {
      Files.writeString(report, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    report = Path.of(args[1]);
    int intactCalls = Integer.parseInt(args[2]);
    int truncatedCalls = Integer.parseInt(args[3]);
    int timedCalls = Integer.parseInt(args[4]);
    Files.write(file, text(PAGES * PAGE));
    Map<String, Consumer<Mmap>> intact = operations(0);
    Map<String, Consumer<Mmap>> lost = operations(PAGE + 5);
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      report("kernel=" + ByteSearch.kernelName());
      for (int i = 0; i < intactCalls; i++) {
        intact.values().forEach(op -> op.accept(m));
      }
      try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
        other.truncate(10);
      }
      for (int i = 0; i < truncatedCalls; i++) {
        lost.forEach((name, op) -> expectTruncated(name, op, m));
      }
      for (var entry : lost.entrySet()) {
        long start = System.nanoTime();
        for (int i = 0; i < timedCalls; i++) {
          expectTruncated(entry.getKey(), entry.getValue(), m);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        report("op=" + entry.getKey() + " calls=" + timedCalls + " ms=" + ms);
      }
    }
    report("ok");
  }

  /** The operations, each scanning or copying from {@code at} (on a lost page once truncated). */
  private static Map<String, Consumer<Mmap>> operations(int at) {
    Map<String, Consumer<Mmap>> ops = new LinkedHashMap<>();
    ops.put("find", m -> m.find(ABSENT, at));
    ops.put("find1", m -> m.find(new byte[] {0}, at));
    ops.put("rfind", m -> m.rfind(ABSENT, at));
    ops.put("rfind1", m -> m.rfind(new byte[] {0}, at));
    ops.put(
        "readLine",
        m -> {
          m.seek(at);
          m.readLine();
          m.readLine();
        });
    ops.put(
        "findAllIndices",
        m -> {
          var found = m.findAllIndices(COMMON);
          for (int k = 0; k < 3 && found.hasNext(); k++) {
            found.nextLong();
          }
        });
    ops.put("slice", m -> m.slice(at, at + 3L * PAGE));
    ops.put(
        "read",
        m -> {
          m.seek(at);
          m.read(3L * PAGE);
        });
    ops.put("move", m -> m.move(at + 2L * PAGE, at, 64));
    return ops;
  }

  private static void expectTruncated(String name, Consumer<Mmap> op, Mmap m) {
    try {
      op.accept(m);
    } catch (MmapTruncatedException e) {
      return;
    } catch (RuntimeException | Error e) {
      fail(name + " threw " + e);
    }
    fail(name + " returned normally on lost pages");
  }

  private static void fail(String message) {
    report("FAIL " + message);
    System.exit(3);
  }

  private static byte[] text(int size) {
    byte[] words = "the quick brown fox jumps over a lazy dog and then some more words ".getBytes();
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = i % 81 == 80 ? (byte) '\n' : words[i % words.length];
    }
    return out;
  }
}
