package io.github.mmap4j.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernels a test runs explicitly, whichever one {@link KernelChoice} picked: always the SWAR
 * kernel, and the Vector API kernel whenever {@code jdk.incubator.vector} is present (the Surefire
 * execution {@code vector-kernel} adds it; {@link KernelSelectionTest} asserts which execution has
 * it).
 */
final class Kernels {
  private Kernels() {}

  static List<ScanKernel> all() {
    List<ScanKernel> kernels = new ArrayList<>();
    kernels.add(SwarKernel.INSTANCE);
    if (KernelChoice.vectorModulePresent()) {
      try {
        kernels.add(KernelChoice.loadVectorKernel());
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("the vector module is present but its kernel did not load", e);
      }
    }
    return kernels;
  }
}
