package io.github.mmap4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel ({@code jdk.incubator.vector}): the same algorithms as {@link SwarKernel}
 * with one vector compare per {@code V} bytes (V = 32 with AVX2, 64 with AVX-512), four vectors per
 * step for single bytes and two per step (four loads) for the needle filter. Ranges shorter than a
 * step, and the last starts of a range, go to the SWAR kernel.
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
  private static final int BYTE_STEP = 4 * V;
  private static final int PAIR_STEP = 2 * V;
  private static final ByteOrder ORDER = ByteOrder.nativeOrder();

  /**
   * HotSpot turns a {@code SIGBUS} in JIT-compiled code (a file truncated under the map) into an
   * {@link InternalError} only in methods it compiled with an {@code Unsafe} access in them; C2's
   * vector load intrinsic does not count as one, and a fault there kills the JVM. Every vector load
   * therefore comes with a read of this constant heap array through an {@code Unsafe}-based
   * VarHandle: it marks the compiled method, and C2 drops the read itself (its value is unused).
   */
  private static final VarHandle UNSAFE_MARK =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private static final byte[] MARK_CELL = new byte[Long.BYTES];

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

  private static ByteVector load(MemorySegment s, long at) {
    long unused = (long) UNSAFE_MARK.get(MARK_CELL, 0); // see UNSAFE_MARK
    return ByteVector.fromMemorySegment(SPECIES, s, at, ORDER);
  }

  // --- single bytes ------------------------------------------------------------------------------

  @Override
  public long indexOf(MemorySegment s, long from, long to, byte b) {
    if (to - from < V) {
      return SwarKernel.indexOfByte(s, from, to, b);
    }
    ByteVector pattern = ByteVector.broadcast(SPECIES, b);
    long i = nextByteStep(s, from, to - BYTE_STEP, pattern);
    for (; i + V <= to; i += V) {
      long bits = load(s, i).eq(pattern).toLong();
      if (bits != 0) {
        return i + Long.numberOfTrailingZeros(bits);
      }
    }
    if (i < to) { // fewer than V bytes left: the last V of the range, without those below i
      long base = to - V;
      long bits = load(s, base).eq(pattern).toLong() >>> (i - base);
      if (bits != 0) {
        return i + Long.numberOfTrailingZeros(bits);
      }
    }
    return -1;
  }

  @Override
  public long lastIndexOf(MemorySegment s, long from, long to, byte b) {
    if (to - from < V) {
      return SwarKernel.lastIndexOfByte(s, from, to, b);
    }
    ByteVector pattern = ByteVector.broadcast(SPECIES, b);
    long i = previousByteStep(s, to, from + BYTE_STEP, pattern);
    for (; i - V >= from; i -= V) {
      long bits = load(s, i - V).eq(pattern).toLong();
      if (bits != 0) {
        return i - V + (63 - Long.numberOfLeadingZeros(bits));
      }
    }
    if (i > from) { // fewer than V bytes left: the first V of the range, without those from i on
      long bits = load(s, from).eq(pattern).toLong() & ((1L << (i - from)) - 1);
      if (bits != 0) {
        return from + (63 - Long.numberOfLeadingZeros(bits));
      }
    }
    return -1;
  }

  private static boolean byteStepHits(MemorySegment s, long at, ByteVector pattern) {
    VectorMask<Byte> m0 = load(s, at).eq(pattern);
    VectorMask<Byte> m1 = load(s, at + V).eq(pattern);
    VectorMask<Byte> m2 = load(s, at + 2 * V).eq(pattern);
    VectorMask<Byte> m3 = load(s, at + 3 * V).eq(pattern);
    return m0.or(m1).or(m2.or(m3)).anyTrue();
  }

  /** As in {@link SwarKernel}: first hit step, fault poll after the first step of each page. */
  private static long nextByteStep(MemorySegment s, long from, long lastStep, ByteVector pattern) {
    long i = from;
    while (i <= lastStep) {
      if (byteStepHits(s, i, pattern)) {
        return i;
      }
      FaultBarrier.poll();
      long pageLast = Math.min(lastStep, i | (POLL_INTERVAL - 1));
      for (i += BYTE_STEP; i <= pageLast; i += BYTE_STEP) {
        if (byteStepHits(s, i, pattern)) {
          return i;
        }
      }
    }
    return i;
  }

  private static long previousByteStep(MemorySegment s, long to, long lowest, ByteVector pattern) {
    long i = to;
    while (i >= lowest) {
      if (byteStepHits(s, i - BYTE_STEP, pattern)) {
        return i;
      }
      FaultBarrier.poll();
      long pageLowest = Math.max(lowest, ((i - 1) & -POLL_INTERVAL) + 1);
      for (i -= BYTE_STEP; i >= pageLowest; i -= BYTE_STEP) {
        if (byteStepHits(s, i - BYTE_STEP, pattern)) {
          return i;
        }
      }
    }
    return i;
  }

  // --- needles of two or more bytes --------------------------------------------------------------

  @Override
  public long find(MemorySegment s, long from, long to, byte[] needle) {
    Needle n = Needle.of(needle);
    long lastStart = to - n.length;
    if (lastStart - from < PAIR_STEP) {
      return SwarKernel.find(s, from, to, n);
    }
    long o1 = n.pair.first();
    long o2 = n.pair.second();
    ByteVector p1 = ByteVector.broadcast(SPECIES, needle[(int) o1]);
    ByteVector p2 = ByteVector.broadcast(SPECIES, needle[(int) o2]);
    long budget = SwarKernel.BUDGET;
    long lastStep = lastStart - (PAIR_STEP - 1);
    long i = from;
    while (true) {
      long step = nextPairStep(s, i, lastStep, o1, o2, p1, p2);
      if (step > lastStep) {
        return SwarKernel.find(s, step, to, n); // fewer than PAIR_STEP starts remain
      }
      budget += (step - i) >>> 3;
      for (long block = step; block < step + PAIR_STEP; block += V) {
        long bits = pairBits(s, block, o1, o2, p1, p2);
        while (bits != 0) {
          long candidate = block + Long.numberOfTrailingZeros(bits);
          if (n.matchesAt(s, candidate)) {
            return candidate;
          }
          bits &= bits - 1;
          if (--budget < 0) {
            return Kmp.forward(s, candidate + 1, to, needle);
          }
        }
      }
      i = step + PAIR_STEP;
    }
  }

  @Override
  public long rfind(MemorySegment s, long from, long to, byte[] needle) {
    Needle n = Needle.of(needle);
    long lastStart = to - n.length;
    if (lastStart - from < PAIR_STEP) {
      return SwarKernel.rfind(s, from, to, n);
    }
    long o1 = n.pair.first();
    long o2 = n.pair.second();
    ByteVector p1 = ByteVector.broadcast(SPECIES, needle[(int) o1]);
    ByteVector p2 = ByteVector.broadcast(SPECIES, needle[(int) o2]);
    long budget = SwarKernel.BUDGET;
    long lowest = from + PAIR_STEP;
    long top = lastStart + 1; // starts at and above top are done
    while (true) {
      long step = previousPairStep(s, top, lowest, o1, o2, p1, p2);
      if (step < lowest) {
        return SwarKernel.rfind(s, from, step - 1 + n.length, n); // starts [from, step) remain
      }
      budget += (top - step) >>> 3;
      for (long block = step - V; block >= step - PAIR_STEP; block -= V) {
        long bits = pairBits(s, block, o1, o2, p1, p2);
        while (bits != 0) {
          int lane = 63 - Long.numberOfLeadingZeros(bits);
          long candidate = block + lane;
          if (n.matchesAt(s, candidate)) {
            return candidate;
          }
          bits ^= 1L << lane;
          if (--budget < 0) {
            return Kmp.backward(s, from, candidate - 1 + n.length, needle);
          }
        }
      }
      top = step - PAIR_STEP;
    }
  }

  private static VectorMask<Byte> pairMask(
      MemorySegment s, long block, long o1, long o2, ByteVector p1, ByteVector p2) {
    return load(s, block + o1).eq(p1).and(load(s, block + o2).eq(p2));
  }

  /** Bit {@code k} set if the start {@code block + k} matches on both filter bytes. */
  private static long pairBits(
      MemorySegment s, long block, long o1, long o2, ByteVector p1, ByteVector p2) {
    return pairMask(s, block, o1, o2, p1, p2).toLong();
  }

  private static boolean pairStepHits(
      MemorySegment s, long at, long o1, long o2, ByteVector p1, ByteVector p2) {
    return pairMask(s, at, o1, o2, p1, p2).or(pairMask(s, at + V, o1, o2, p1, p2)).anyTrue();
  }

  private static long nextPairStep(
      MemorySegment s, long from, long lastStep, long o1, long o2, ByteVector p1, ByteVector p2) {
    long i = from;
    while (i <= lastStep) {
      if (pairStepHits(s, i, o1, o2, p1, p2)) {
        return i;
      }
      FaultBarrier.poll();
      long pageLast = Math.min(lastStep, i | (POLL_INTERVAL - 1));
      for (i += PAIR_STEP; i <= pageLast; i += PAIR_STEP) {
        if (pairStepHits(s, i, o1, o2, p1, p2)) {
          return i;
        }
      }
    }
    return i;
  }

  private static long previousPairStep(
      MemorySegment s, long top, long lowest, long o1, long o2, ByteVector p1, ByteVector p2) {
    long t = top;
    while (t >= lowest) {
      if (pairStepHits(s, t - PAIR_STEP, o1, o2, p1, p2)) {
        return t;
      }
      FaultBarrier.poll();
      long pageLowest = Math.max(lowest, ((t - 1) & -POLL_INTERVAL) + 1);
      for (t -= PAIR_STEP; t >= pageLowest; t -= PAIR_STEP) {
        if (pairStepHits(s, t - PAIR_STEP, o1, o2, p1, p2)) {
          return t;
        }
      }
    }
    return t;
  }
}
