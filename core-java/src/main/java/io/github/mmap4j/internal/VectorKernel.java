package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel ({@code jdk.incubator.vector}): one vector compare per {@code V} bytes (V =
 * 32 with AVX2, 64 with AVX-512), four vectors per step for a single byte and two per step (four
 * loads) for the needle filter of {@link RarePair}.
 *
 * <p><b>Vector code never reads mapped memory.</b> HotSpot turns a {@code SIGBUS} (a file truncated
 * under the map) into an {@link InternalError} only in compiled methods that it knows do unsafe
 * memory access, and C2's vector load intrinsic does not mark its method so: a fault in a vector
 * load from a mapped segment kills the JVM. Marking our own methods is not enough, because while
 * they still run in the interpreter they call the JDK's {@code ByteVector.fromMemorySegment}, which
 * C2 compiles on its own. So the kernel copies the range in {@value #CHUNK}-byte chunks into a heap
 * array ({@link MemorySegment#copy} runs a copy stub that HotSpot does guard: a fault ends the copy
 * and surfaces at the next fault poll) and runs the vectors over the array. The chunk stays in L1,
 * so the copy costs little next to the memory traffic of the scan; {@code
 * CompiledScanTruncationTest} proves the result survives truncation.
 *
 * <p>The first {@value #PRELUDE} bytes (or starts) of every scan go to the SWAR kernel, which reads
 * the segment directly: {@code readLine}'s lines and near matches never pay for the chunk array.
 * Vector values never cross a method boundary here (a call C2 declines to inline would box them
 * into heap objects): each array scan is one static method with byte and int arguments.
 *
 * <p>Nothing outside this class names a Vector API type: {@link KernelChoice} loads it by name only
 * when the module is present, so nothing links against the module when it is absent.
 */
final class VectorKernel implements ScanKernel {
  private static final VectorSpecies<Byte> SPECIES =
      ByteVector.SPECIES_PREFERRED.length() <= Long.SIZE
          ? ByteVector.SPECIES_PREFERRED
          : ByteVector.SPECIES_512; // lane masks must fit a long (VectorMask.toLong)
  private static final int V = SPECIES.length();
  private static final int CHUNK = 16 << 10;
  private static final int PRELUDE = 256;

  /** Longer needles go to the SWAR kernel (a chunk holds the needle's length on top). */
  private static final int LONGEST_NEEDLE = 4096;

  /** Called reflectively by {@link KernelChoice}. */
  VectorKernel() {}

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public String description() {
    return "Vector API kernel (" + SPECIES.vectorBitSize() + "-bit vectors, " + V + " lanes)";
  }

  @Override
  public int width() {
    return SPECIES.vectorBitSize();
  }

  /** Copies {@code s[at, at + length)} to {@code buf[0, length)}; a fault surfaces right here. */
  private static void copyChunk(MemorySegment s, long at, byte[] buf, int length) {
    MemorySegment.copy(s, ValueLayout.JAVA_BYTE, at, buf, 0, length);
    FaultBarrier.poll();
  }

  // --- single bytes ------------------------------------------------------------------------------

  @Override
  public long indexOf(MemorySegment s, long from, long to, byte b) {
    long near = Math.min(to, from + PRELUDE);
    long found = SwarKernel.indexOfByte(s, from, near, b);
    if (found >= 0 || near == to) {
      return found;
    }
    byte[] buf = new byte[(int) Math.min(CHUNK, to - near)];
    for (long i = near; i < to; ) {
      int length = (int) Math.min(buf.length, to - i);
      copyChunk(s, i, buf, length);
      int k = indexOf(buf, length, b);
      if (k >= 0) {
        return i + k;
      }
      i += length;
    }
    return -1;
  }

  @Override
  public long lastIndexOf(MemorySegment s, long from, long to, byte b) {
    long near = Math.max(from, to - PRELUDE);
    long found = SwarKernel.lastIndexOfByte(s, near, to, b);
    if (found >= 0 || near == from) {
      return found;
    }
    byte[] buf = new byte[(int) Math.min(CHUNK, near - from)];
    for (long hi = near; hi > from; ) {
      int length = (int) Math.min(buf.length, hi - from);
      long lo = hi - length;
      copyChunk(s, lo, buf, length);
      int k = lastIndexOf(buf, length, b);
      if (k >= 0) {
        return lo + k;
      }
      hi = lo;
    }
    return -1;
  }

  /** First {@code k < length} with {@code a[k] == b}, or -1. */
  private static int indexOf(byte[] a, int length, byte b) {
    ByteVector p = ByteVector.broadcast(SPECIES, b);
    int i = 0;
    int lastStep = length - 4 * V; // a precomputed bound keeps the loop counted (no overflow)
    for (; i <= lastStep; i += 4 * V) {
      VectorMask<Byte> m0 = ByteVector.fromArray(SPECIES, a, i).eq(p);
      VectorMask<Byte> m1 = ByteVector.fromArray(SPECIES, a, i + V).eq(p);
      VectorMask<Byte> m2 = ByteVector.fromArray(SPECIES, a, i + 2 * V).eq(p);
      VectorMask<Byte> m3 = ByteVector.fromArray(SPECIES, a, i + 3 * V).eq(p);
      if (m0.or(m1).or(m2.or(m3)).anyTrue()) {
        break; // the loop below pins it down
      }
    }
    for (; i + V <= length; i += V) {
      long bits = ByteVector.fromArray(SPECIES, a, i).eq(p).toLong();
      if (bits != 0) {
        return i + Long.numberOfTrailingZeros(bits);
      }
    }
    for (; i < length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Last {@code k < length} with {@code a[k] == b}, or -1. */
  private static int lastIndexOf(byte[] a, int length, byte b) {
    ByteVector p = ByteVector.broadcast(SPECIES, b);
    int i = length; // bytes from i on are done
    for (; i >= 4 * V; i -= 4 * V) {
      int at = i - 4 * V;
      VectorMask<Byte> m0 = ByteVector.fromArray(SPECIES, a, at).eq(p);
      VectorMask<Byte> m1 = ByteVector.fromArray(SPECIES, a, at + V).eq(p);
      VectorMask<Byte> m2 = ByteVector.fromArray(SPECIES, a, at + 2 * V).eq(p);
      VectorMask<Byte> m3 = ByteVector.fromArray(SPECIES, a, at + 3 * V).eq(p);
      if (m0.or(m1).or(m2.or(m3)).anyTrue()) {
        break;
      }
    }
    for (; i - V >= 0; i -= V) {
      long bits = ByteVector.fromArray(SPECIES, a, i - V).eq(p).toLong();
      if (bits != 0) {
        return i - V + (63 - Long.numberOfLeadingZeros(bits));
      }
    }
    for (i--; i >= 0; i--) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  // --- needles of two or more bytes --------------------------------------------------------------

  @Override
  public long find(MemorySegment s, long from, long to, byte[] needle) {
    Needle n = Needle.of(needle);
    int m = n.length;
    long lastStart = to - m;
    if (m > LONGEST_NEEDLE || lastStart - from < PRELUDE) {
      return SwarKernel.find(s, from, to, n);
    }
    long found = SwarKernel.find(s, from, from + PRELUDE - 1 + m, n); // starts below from+PRELUDE
    if (found >= 0) {
      return found;
    }
    int o1 = (int) n.pair.first();
    int o2 = (int) n.pair.second();
    byte b1 = needle[o1];
    byte b2 = needle[o2];
    long budget = VerifyBudget.INITIAL;
    long i = from + PRELUDE; // the first start of the chunk
    byte[] buf = new byte[(int) Math.min(CHUNK + m - 1, to - i)];
    while (i <= lastStart) {
      int starts = (int) Math.min(CHUNK, lastStart - i + 1);
      copyChunk(s, i, buf, starts + m - 1);
      int c = 0;
      while (true) {
        int hit = firstPairHit(buf, c, starts, o1, o2, b1, b2);
        if (hit < 0) {
          budget = VerifyBudget.earn(budget, starts - c);
          break;
        }
        budget = VerifyBudget.earn(budget, hit - c);
        if (Arrays.equals(buf, hit, hit + m, needle, 0, m)) {
          return i + hit;
        }
        budget = VerifyBudget.spend(budget);
        if (VerifyBudget.exhausted(budget)) {
          return Kmp.forward(s, i + hit + 1, to, needle);
        }
        c = hit + 1;
      }
      i += starts;
    }
    return -1;
  }

  @Override
  public long rfind(MemorySegment s, long from, long to, byte[] needle) {
    Needle n = Needle.of(needle);
    int m = n.length;
    long lastStart = to - m;
    if (m > LONGEST_NEEDLE || lastStart - from < PRELUDE) {
      return SwarKernel.rfind(s, from, to, n);
    }
    long hi = lastStart - PRELUDE + 1; // starts from hi on are done
    long found = SwarKernel.rfind(s, hi, to, n);
    if (found >= 0) {
      return found;
    }
    int o1 = (int) n.pair.first();
    int o2 = (int) n.pair.second();
    byte b1 = needle[o1];
    byte b2 = needle[o2];
    long budget = VerifyBudget.INITIAL;
    byte[] buf = new byte[(int) Math.min(CHUNK, hi - from) + m - 1];
    while (hi > from) {
      int starts = (int) Math.min(CHUNK, hi - from);
      long lo = hi - starts;
      copyChunk(s, lo, buf, starts + m - 1);
      int c = starts; // starts from c on are done
      while (true) {
        int hit = lastPairHit(buf, c, o1, o2, b1, b2);
        if (hit < 0) {
          budget = VerifyBudget.earn(budget, c);
          break;
        }
        budget = VerifyBudget.earn(budget, c - 1 - hit);
        if (Arrays.equals(buf, hit, hit + m, needle, 0, m)) {
          return lo + hit;
        }
        budget = VerifyBudget.spend(budget);
        if (VerifyBudget.exhausted(budget)) {
          return Kmp.backward(s, from, lo + hit - 1 + m, needle);
        }
        c = hit;
      }
      hi = lo;
    }
    return -1;
  }

  /**
   * First start {@code p} in {@code [from, end)} with {@code a[p + o1] == b1 && a[p + o2] == b2},
   * or -1; {@code a} holds at least {@code end + o2} bytes.
   */
  private static int firstPairHit(byte[] a, int from, int end, int o1, int o2, byte b1, byte b2) {
    ByteVector p1 = ByteVector.broadcast(SPECIES, b1);
    ByteVector p2 = ByteVector.broadcast(SPECIES, b2);
    int p = from;
    int lastStep = end - 2 * V; // a precomputed bound keeps the loop counted (no overflow)
    for (; p <= lastStep; p += 2 * V) {
      VectorMask<Byte> m0 =
          ByteVector.fromArray(SPECIES, a, p + o1)
              .eq(p1)
              .and(ByteVector.fromArray(SPECIES, a, p + o2).eq(p2));
      VectorMask<Byte> m1 =
          ByteVector.fromArray(SPECIES, a, p + V + o1)
              .eq(p1)
              .and(ByteVector.fromArray(SPECIES, a, p + V + o2).eq(p2));
      if (m0.or(m1).anyTrue()) {
        long bits = m0.toLong();
        return bits != 0
            ? p + Long.numberOfTrailingZeros(bits)
            : p + V + Long.numberOfTrailingZeros(m1.toLong());
      }
    }
    for (; p < end; p++) {
      if (a[p + o1] == b1 && a[p + o2] == b2) {
        return p;
      }
    }
    return -1;
  }

  /** Like {@link #firstPairHit}, the last start in {@code [0, end)}. */
  private static int lastPairHit(byte[] a, int end, int o1, int o2, byte b1, byte b2) {
    ByteVector p1 = ByteVector.broadcast(SPECIES, b1);
    ByteVector p2 = ByteVector.broadcast(SPECIES, b2);
    int p = end; // starts from p on are done
    for (; p >= 2 * V; p -= 2 * V) {
      int q = p - 2 * V;
      VectorMask<Byte> m0 =
          ByteVector.fromArray(SPECIES, a, q + o1)
              .eq(p1)
              .and(ByteVector.fromArray(SPECIES, a, q + o2).eq(p2));
      VectorMask<Byte> m1 =
          ByteVector.fromArray(SPECIES, a, q + V + o1)
              .eq(p1)
              .and(ByteVector.fromArray(SPECIES, a, q + V + o2).eq(p2));
      if (m0.or(m1).anyTrue()) {
        long bits = m1.toLong();
        return bits != 0
            ? q + V + (63 - Long.numberOfLeadingZeros(bits))
            : q + (63 - Long.numberOfLeadingZeros(m0.toLong()));
      }
    }
    for (p--; p >= 0; p--) {
      if (a[p + o1] == b1 && a[p + o2] == b2) {
        return p;
      }
    }
    return -1;
  }
}
