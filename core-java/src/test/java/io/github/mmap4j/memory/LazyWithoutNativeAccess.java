package io.github.mmap4j.memory;

import io.github.mmap4j.Mmap;

/** The forked half of {@link AnonymousLazinessTest}: no native access, prints the growth. */
public final class LazyWithoutNativeAccess {
  private LazyWithoutNativeAccess() {}

  public static void main(String[] args) throws Exception {
    if (Mmap.nativeAccess()) {
      throw new IllegalStateException("this check must run without native access");
    }
    long before = AnonymousLazinessTest.residentBytes();
    try (Mmap m = Mmap.anonymous(1L << 30)) {
      m.set(0, 1);
      m.set((1L << 30) - 1, 1);
      System.out.println("grown=" + (AnonymousLazinessTest.residentBytes() - before));
    }
  }
}
