package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Knuth–Morris–Pratt: the linear-time fallback of the scan kernels. It polls the fault barrier once
 * per {@value ScanKernel#POLL_INTERVAL} bytes, like the kernels, so that a truncated file surfaces
 * after a bounded number of faults here too.
 */
final class Kmp {
  private Kmp() {}

  /** First start in {@code [from, to - needle.length]}, or -1. */
  static long forward(MemorySegment s, long from, long to, byte[] needle) {
    int[] fail = failure(needle);
    int matched = 0;
    for (long i = from; i < to; i++) {
      PollSchedule.pollAtPageStart(i);
      byte b = s.get(ValueLayout.JAVA_BYTE, i);
      while (matched > 0 && needle[matched] != b) {
        matched = fail[matched - 1];
      }
      if (needle[matched] == b && ++matched == needle.length) {
        return i - needle.length + 1;
      }
    }
    return -1;
  }

  /** Last start {@code i >= from} with {@code i + needle.length <= to}, or -1. */
  static long backward(MemorySegment s, long from, long to, byte[] needle) {
    byte[] reversed = new byte[needle.length];
    for (int k = 0; k < needle.length; k++) {
      reversed[k] = needle[needle.length - 1 - k];
    }
    int[] fail = failure(reversed);
    int matched = 0;
    for (long i = to - 1; i >= from; i--) {
      PollSchedule.pollAtPageStart(i);
      byte b = s.get(ValueLayout.JAVA_BYTE, i);
      while (matched > 0 && reversed[matched] != b) {
        matched = fail[matched - 1];
      }
      if (reversed[matched] == b && ++matched == reversed.length) {
        return i;
      }
    }
    return -1;
  }

  private static int[] failure(byte[] p) {
    int[] fail = new int[p.length];
    int k = 0;
    for (int i = 1; i < p.length; i++) {
      while (k > 0 && p[k] != p[i]) {
        k = fail[k - 1];
      }
      if (p[k] == p[i]) {
        k++;
      }
      fail[i] = k;
    }
    return fail;
  }
}
