package io.github.mmap4j.reliability;

import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every operation that reaches past the page holding the new end of a file truncated under the map
 * throws {@link MmapTruncatedException}, also after the JIT compiled it, and none gets stuck; bytes
 * in that page read as 0 beyond the end, and close still works. Part of {@link FileReaderProcess}.
 */
final class TruncationProbe {
  private static final int CALLS = 2_000; // enough for C1 to compile the paths
  // Searches were compiled while the file was whole; a failing call of theirs may take hundreds of
  // milliseconds, so each operation gets 0.5 s (and at least 2 calls).
  private static final int MIN_CALLS = 2;
  private static final long OP_NANOS = 500_000_000;
  private static final String MESSAGE = "the file shrank under the mapping";
  // A failing call takes microseconds to some hundreds of milliseconds (a JIT-compiled scan may
  // fault a few thousand times before its next safepoint poll delivers the error); one of 10 s is
  // stuck, and ends the process.
  private static final long STUCK_MILLIS = 10_000;

  private final Mmap map;
  private final Thread prober = Thread.currentThread();
  private volatile String current = "";
  private volatile int callNumber;
  private volatile long callStarted; // 0 when no call runs
  long operations;

  /** The slowest failing call, and its operation. */
  long slowestNanos;

  String slowest = "";

  TruncationProbe(Mmap map) {
    this.map = map;
  }

  void run() {
    long page = Mmap.PAGESIZE;
    long end = map.length();
    byte[] absent = {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD};
    Map<String, Consumer<Mmap>> operations = new LinkedHashMap<>();
    operations.put("get(end - 1)", m -> m.get(end - 1));
    operations.put("get(P)", m -> m.get(page));
    operations.put("slice(0, end)", m -> m.slice(0, end));
    operations.put("get(P, dst, 0, 64)", m -> m.get(page, new byte[64], 0, 64));
    operations.put("rfind(absent, 0)", m -> m.rfind(absent, 0));
    operations.put("find(absent, 0)", m -> m.find(absent, 0));
    operations.put("contains(absent)", m -> m.contains(absent));
    operations.put(
        "findAllIndices(REC:)",
        m -> m.findAllIndices(Record.MAGIC).forEachRemaining((long at) -> {}));
    operations.put(
        "readLine() at P",
        m -> {
          m.seek(page);
          m.readLine();
        });
    operations.put(
        "read(100) at P",
        m -> {
          m.seek(page);
          m.read(100);
        });
    operations.put(
        "readByte() at P",
        m -> {
          m.seek(page);
          m.readByte();
        });
    watchSlowCalls(end - page);
    for (Map.Entry<String, Consumer<Mmap>> op : operations.entrySet()) {
      current = op.getKey();
      System.out.println("probe " + current);
      System.out.flush();
      long opStarted = System.nanoTime();
      for (int call = 0;
          call < CALLS && (call < MIN_CALLS || System.nanoTime() - opStarted < OP_NANOS);
          call++) {
        callNumber = call;
        long started = System.nanoTime();
        callStarted = started;
        try {
          op.getValue().accept(map);
          FileReaderProcess.fail(op.getKey() + " on a lost page returned normally");
        } catch (MmapTruncatedException e) {
          expectMessage(e);
          this.operations++;
        } catch (RuntimeException | Error e) {
          FileReaderProcess.fail(op.getKey() + " on a lost page threw " + e, e);
        }
        long nanos = System.nanoTime() - started;
        if (nanos > slowestNanos) {
          slowestNanos = nanos;
          slowest = op.getKey();
        }
      }
    }
    callStarted = 0;
    byte[] head = Record.of(0);
    for (int i = 0; i < 10; i++) {
      if (map.get(i) != (head[i] & 0xFF)) {
        FileReaderProcess.fail("byte " + i + " of the 10 kept is " + map.get(i));
      }
    }
    if (map.get(100) != 0) {
      FileReaderProcess.fail("byte 100, past the new end in its page, is " + map.get(100));
    }
    map.close();
    if (!map.isClosed()) {
      FileReaderProcess.fail("close() did not close the truncated map");
    }
  }

  /**
   * Fails the process if one call runs longer than {@link #STUCK_MILLIS}: a call that cannot be
   * interrupted, which would run for minutes on a large file, must not block the test until its
   * timeout.
   */
  private void watchSlowCalls(long lostBytes) {
    Thread watcher =
        new Thread(
            () -> {
              while (true) {
                long started = callStarted;
                if (started != 0 && System.nanoTime() - started > STUCK_MILLIS * 1_000_000) {
                  FileReaderProcess.fail(
                      current
                          + ", call "
                          + callNumber
                          + ", has run for over "
                          + STUCK_MILLIS
                          + " ms over "
                          + lostBytes
                          + " lost bytes without throwing:\n"
                          + OwnerScenarios.stack(prober));
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "slow-call-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  static void expectMessage(MmapTruncatedException e) {
    if (e.getMessage() == null || !e.getMessage().startsWith(MESSAGE)) {
      FileReaderProcess.fail("MmapTruncatedException without the documented message: " + e);
    }
  }
}
