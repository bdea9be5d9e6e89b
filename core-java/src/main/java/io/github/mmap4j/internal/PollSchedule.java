package io.github.mmap4j.internal;

/**
 * Where a SWAR scan polls the fault barrier: after the first step of every {@value
 * ScanKernel#POLL_INTERVAL}-byte page it enters, so that a file truncated under the map surfaces
 * after at most one page of faults (see {@link FaultBarrier}). The scan loops run page by page and
 * ask this class where the current page ends; {@link Kmp}, which reads byte by byte, asks it to
 * poll where a byte starts a page.
 *
 * <p>This only decides how often the barrier is polled, never which bytes are read: a scan checks
 * every step whatever these bounds are. The mutation run excludes this class for that reason
 * (docs/testing.md); {@code CompiledScanTruncationTest} bounds the cost of faults in a forked JVM.
 */
final class PollSchedule {
  private PollSchedule() {}

  /** Upwards: the last step start before the next poll, for a scan at {@code i}. */
  static long lastStepOfPage(long i, long lastStep) {
    return Math.min(lastStep, i | (ScanKernel.POLL_INTERVAL - 1));
  }

  /**
   * Downwards: the lowest step end before the next poll, for a scan whose step ends at {@code t}.
   */
  static long lowestStepOfPage(long t, long lowest) {
    return Math.max(lowest, ((t - 1) & -ScanKernel.POLL_INTERVAL) + 1);
  }

  /** Polls the fault barrier if index {@code i} starts a page: {@link Kmp} reads byte by byte. */
  static void pollAtPageStart(long i) {
    if ((i & (ScanKernel.POLL_INTERVAL - 1)) == 0) {
      FaultBarrier.poll();
    }
  }
}
