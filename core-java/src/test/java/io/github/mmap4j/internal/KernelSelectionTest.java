package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/**
 * Each Surefire execution says which kernel it expects ({@code mmap4j.test.kernel}): the default
 * one runs without {@code jdk.incubator.vector} and gets the SWAR kernel, the {@code vector-kernel}
 * one adds the module and gets the Vector API kernel (the build machines have AVX2 or better).
 */
class KernelSelectionTest {
  private static String expectedKernel() {
    String expected = System.getProperty("mmap4j.test.kernel");
    assertNotNull(expected, "run by Surefire, which sets -Dmmap4j.test.kernel");
    return expected;
  }

  @Test
  void theSelectedKernelIsTheOneThisExecutionExpects() {
    assertEquals(expectedKernel(), ByteSearch.kernelName());
  }

  @Test
  void theVectorModuleIsPresentOnlyInTheVectorExecution() {
    assertEquals("vector".equals(expectedKernel()), KernelChoice.vectorModulePresent());
  }

  @Test
  void bothKernelsAreTestedExplicitlyWhenTheModuleIsPresent() {
    assertEquals(
        KernelChoice.vectorModulePresent() ? "[swar, vector]" : "[swar]",
        Kernels.all().stream().map(ScanKernel::name).toList().toString());
  }
}
