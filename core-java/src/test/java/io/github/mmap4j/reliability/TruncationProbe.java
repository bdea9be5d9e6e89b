package io.github.mmap4j.reliability;

import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every operation that reaches past the page holding the new end of a file truncated under the map
 * throws {@link MmapTruncatedException}, also after the JIT compiled it, and promptly (not after
 * faulting on every lost page); bytes in that page read as 0 beyond the end, and close still works.
 * Part of {@link FileReaderProcess}.
 */
final class TruncationProbe {
  private static final int CALLS = 2_000; // enough for C1 to compile the paths
  private static final String MESSAGE = "the file shrank under the mapping";
  // A call should throw at the first lost page, in microseconds. Three calls in a row over 100 ms
  // on 1 MiB of lost pages (not one: a loaded machine may pause a process) mean it faults once per
  // load, and would run for minutes on a large file. One call of 10 s ends the process.
  private static final long SLOW_MILLIS = 100;
  private static final int SLOW_CALLS = 3;
  private static final long STUCK_MILLIS = 10_000;

  private final Mmap map;
  private final Thread prober = Thread.currentThread();
  private volatile String current = "";
  private volatile int callNumber;
  private volatile long callStarted; // 0 when no call runs
  long operations;

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
    List<String> slow = new ArrayList<>();
    for (Map.Entry<String, Consumer<Mmap>> op : operations.entrySet()) {
      current = op.getKey();
      System.out.println("probe " + current);
      System.out.flush();
      List<Long> slowRun = new ArrayList<>();
      for (int call = 0; call < CALLS && slowRun.size() < SLOW_CALLS; call++) {
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
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > SLOW_MILLIS) {
          slowRun.add(millis);
        } else {
          slowRun.clear();
        }
        if (slowRun.size() == SLOW_CALLS) {
          slow.add(op.getKey() + ": calls up to " + call + " took " + slowRun + " ms");
        }
      }
    }
    callStarted = 0;
    if (!slow.isEmpty()) {
      FileReaderProcess.fail(
          SLOW_CALLS
              + " calls in a row over "
              + (end - page)
              + " lost bytes took over "
              + SLOW_MILLIS
              + " ms each before throwing (faulting once per load instead of failing at the"
              + " first lost page: minutes per call on a large file):\n"
              + String.join("\n", slow));
    }
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
                          + " lost bytes without throwing (an operation that faults once per load"
                          + " instead of failing at the first lost page runs for minutes on a"
                          + " large file):\n"
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
