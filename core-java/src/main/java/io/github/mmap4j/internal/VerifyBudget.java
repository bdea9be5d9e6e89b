package io.github.mmap4j.internal;

/**
 * When a needle search stops verifying filter candidates and hands the rest of its range to {@link
 * Kmp}: the kernels start with {@link #INITIAL} verifications, earn one more per eight starts their
 * filter rejects, and spend one per failed verification. Repetitive data (a filter pair that
 * matches almost everywhere) runs the budget out, and the worst case stays linear.
 *
 * <p>This is a speed policy only: every answer it can give leads to the same result, because the
 * kernels' verification and {@code Kmp} both find the first (or last) match. The mutation run
 * excludes this class for that reason (docs/testing.md).
 */
final class VerifyBudget {
  /** Verifications allowed before any filtering. */
  static final long INITIAL = 64;

  private VerifyBudget() {}

  /** The budget after the filter rejected {@code startsFiltered} starts. */
  static long earn(long budget, long startsFiltered) {
    return budget + (startsFiltered >>> 3);
  }

  /** The budget after one failed verification. */
  static long spend(long budget) {
    return budget - 1;
  }

  /** Whether the search should hand the rest of its range to {@link Kmp}. */
  static boolean exhausted(long budget) {
    return budget < 0;
  }
}
