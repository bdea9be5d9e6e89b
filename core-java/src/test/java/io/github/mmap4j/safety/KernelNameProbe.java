package io.github.mmap4j.safety;

import io.github.mmap4j.internal.ByteSearch;

/**
 * Run in a forked JVM by {@link KernelFlagsTest}: prints the search kernel the JVM's flags chose.
 */
public final class KernelNameProbe {
  private KernelNameProbe() {}

  public static void main(String[] args) {
    System.out.println("kernel=" + ByteSearch.kernelName());
  }
}
