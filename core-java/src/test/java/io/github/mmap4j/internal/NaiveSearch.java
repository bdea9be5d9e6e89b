package io.github.mmap4j.internal;

/** The obviously correct searches the kernels are compared with. */
final class NaiveSearch {
  private NaiveSearch() {}

  /** First (forward) or last start in {@code [from, to - n.length]} where n occurs, or -1. */
  static long find(byte[] h, int from, int to, byte[] n, boolean forward) {
    long found = -1;
    for (int i = from; i + n.length <= to; i++) {
      boolean match = true;
      for (int k = 0; k < n.length && match; k++) {
        match = h[i + k] == n[k];
      }
      if (match) {
        if (forward) {
          return i;
        }
        found = i;
      }
    }
    return found;
  }
}
