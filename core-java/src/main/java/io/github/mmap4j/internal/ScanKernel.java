package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;

/**
 * The scans behind {@code find}, {@code rfind}, {@code readLine}, {@code contains} and {@code
 * findAllIndices}: one implementation is chosen when the class is initialised ({@link
 * KernelChoice}), the SWAR one ({@link SwarKernel}) or the Vector API one ({@code VectorKernel}).
 *
 * <p>Every implementation survives a file truncated under the map and makes the fault surface after
 * a bounded number of faults: the SWAR kernel reads the segment with plain segment loads and passes
 * {@link FaultBarrier#poll()} after the first step of every {@value #POLL_INTERVAL}-byte stretch;
 * the Vector API kernel reads it only through a guarded copy, one poll per chunk. Without the polls
 * a JIT-compiled scan would take one fault per word until the JIT's next safepoint. No native code
 * touches mapped memory (a {@code SIGBUS} there kills the JVM). All ranges are half-open and must
 * lie inside the segment.
 */
interface ScanKernel {
  /** Bytes scanned between two fault polls: one page of the smallest size Linux has. */
  int POLL_INTERVAL = 4096;

  /** A short name for logs and tests: {@code "swar"} or {@code "vector"}. */
  String name();

  /** What the kernel is, for the log line: name, word or vector width. */
  String description();

  /** Bits read by one load: 64 for SWAR, the vector size for the Vector API kernel. */
  int width();

  /** First index {@code i} in {@code [from, to)} with {@code s[i] == b}, or -1. */
  long indexOf(MemorySegment s, long from, long to, byte b);

  /** Last index {@code i} in {@code [from, to)} with {@code s[i] == b}, or -1. */
  long lastIndexOf(MemorySegment s, long from, long to, byte b);

  /**
   * First start {@code i} in {@code [from, to - needle.length]} where {@code needle} occurs, or -1.
   * Requires {@code needle.length >= 2}.
   */
  long find(MemorySegment s, long from, long to, byte[] needle);

  /**
   * Last start {@code i} in {@code [from, to - needle.length]} where {@code needle} occurs, or -1.
   * Requires {@code needle.length >= 2}.
   */
  long rfind(MemorySegment s, long from, long to, byte[] needle);
}
