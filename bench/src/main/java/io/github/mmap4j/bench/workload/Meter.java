package io.github.mmap4j.bench.workload;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A reading of the clocks a run is measured with: wall time ({@code System.nanoTime}), this
 * thread's CPU time (a run whose CPU time is far below its wall time was preempted), and the
 * collections and collection time of all garbage collectors so far.
 */
record Meter(long wallNanos, long cpuNanos, long gcCount, long gcMillis) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<GarbageCollectorMXBean> COLLECTORS =
      ManagementFactory.getGarbageCollectorMXBeans();

  /** Reads the collectors and the CPU clock first, the wall clock last. */
  static Meter before() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : COLLECTORS) {
      count += Math.max(gc.getCollectionCount(), 0);
      millis += Math.max(gc.getCollectionTime(), 0);
    }
    long cpu = THREADS.getCurrentThreadCpuTime();
    return new Meter(System.nanoTime(), cpu, count, millis);
  }

  /** Reads the wall clock first, then the CPU clock and the collectors. */
  static Meter after() {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : COLLECTORS) {
      count += Math.max(gc.getCollectionCount(), 0);
      millis += Math.max(gc.getCollectionTime(), 0);
    }
    return new Meter(wall, cpu, count, millis);
  }

  /** What happened between {@code start} and this reading. */
  Meter since(Meter start) {
    return new Meter(
        wallNanos - start.wallNanos,
        cpuNanos - start.cpuNanos,
        gcCount - start.gcCount,
        gcMillis - start.gcMillis);
  }
}
