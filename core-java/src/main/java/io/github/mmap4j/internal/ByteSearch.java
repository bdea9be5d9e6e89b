package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;

/**
 * Substring and byte search over a {@link MemorySegment}, pure Java (native {@code memchr} on
 * mapped memory would turn a truncated file into a JVM-killing {@code SIGBUS}).
 *
 * <p>The work is done by the {@link ScanKernel} chosen once at class initialisation ({@link
 * KernelChoice}): the Vector API kernel when {@code jdk.incubator.vector} is present and the
 * hardware has wide vectors, the SWAR kernel otherwise. Both poll {@link FaultBarrier} once per
 * page they scan, so a file truncated under the map surfaces after a few faults.
 */
public final class ByteSearch {
  private static final ScanKernel KERNEL = KernelChoice.KERNEL;

  private ByteSearch() {}

  /** The kernel in use: {@code "vector"} or {@code "swar"}. */
  public static String kernelName() {
    return KERNEL.name();
  }

  /**
   * {@code mmap.find}/{@code rfind} over {@code s[0:n]} ({@code mmap_gfind} in CPython): bounds
   * count from the end when negative and clamp to {@code [0, n]}; an empty needle is found at the
   * start (find) or the end (rfind).
   */
  public static long pythonFind(
      MemorySegment s, long n, byte[] sub, long start, long end, boolean forward) {
    long from = clampBound(start, n);
    long to = clampBound(end, n);
    if (to < from) {
      return -1;
    }
    if (sub.length == 0) {
      return forward ? from : to;
    }
    if (to - from < sub.length) {
      return -1;
    }
    if (sub.length == 1) {
      return forward
          ? KERNEL.indexOf(s, from, to, sub[0])
          : KERNEL.lastIndexOf(s, from, to, sub[0]);
    }
    return forward ? KERNEL.find(s, from, to, sub) : KERNEL.rfind(s, from, to, sub);
  }

  private static long clampBound(long bound, long n) {
    if (bound < 0) {
      bound += n;
      return bound < 0 ? 0 : bound;
    }
    return Math.min(bound, n);
  }

  /** First index {@code i} in {@code [from, to)} with {@code s[i] == b}, or -1. */
  public static long indexOf(MemorySegment s, long from, long to, byte b) {
    return KERNEL.indexOf(s, from, to, b);
  }

  /** Last index {@code i} in {@code [from, to)} with {@code s[i] == b}, or -1. */
  public static long lastIndexOf(MemorySegment s, long from, long to, byte b) {
    return KERNEL.lastIndexOf(s, from, to, b);
  }

  /**
   * First start {@code i} in {@code [from, to - needle.length]} where {@code needle} occurs, or -1.
   * Requires {@code needle.length >= 2}.
   */
  public static long find(MemorySegment s, long from, long to, byte[] needle) {
    return KERNEL.find(s, from, to, needle);
  }

  /**
   * Last start {@code i} in {@code [from, to - needle.length]} where {@code needle} occurs, or -1.
   * Requires {@code needle.length >= 2}.
   */
  public static long rfind(MemorySegment s, long from, long to, byte[] needle) {
    return KERNEL.rfind(s, from, to, needle);
  }
}
