package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags that choose the search kernel, each in a fresh JVM (the choice is made once per
 * JVM), with the one log line each choice prints on stderr (java.util.logging's default handler).
 */
class KernelFlagsTest {
  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  private static ForkedJvm.Result probe(String... options) throws Exception {
    ForkedJvm.Result result = ForkedJvm.run(KernelNameProbe.class, List.of(options));
    assertEquals(0, result.exitCode(), result.stderr());
    return result;
  }

  @Test
  void withoutTheModuleTheSwarKernelRunsSilently() throws Exception {
    ForkedJvm.Result result = probe();
    assertEquals("kernel=swar\n", result.stdout());
    assertFalse(result.stderr().contains("mmap4j"), result.stderr());
  }

  @Test
  void addingTheModuleSelectsTheVectorKernelAndSaysSo() throws Exception {
    ForkedJvm.Result result = probe("--add-modules", VECTOR_MODULE);
    assertEquals("kernel=vector\n", result.stdout());
    assertTrue(result.stderr().contains("WARNING: Using incubator modules: " + VECTOR_MODULE));
    assertTrue(
        result.stderr().contains("INFO: mmap4j search: Vector API kernel ("), result.stderr());
  }

  @Test
  void simdFalseKeepsTheSwarKernelWithTheModulePresent() throws Exception {
    ForkedJvm.Result result = probe("--add-modules", VECTOR_MODULE, "-Dmmap4j.simd=false");
    assertEquals("kernel=swar\n", result.stdout());
    assertTrue(
        result.stderr().contains("INFO: mmap4j search: SWAR kernel (-Dmmap4j.simd=false)"),
        result.stderr());
  }

  @Test
  void withoutC2TheModuleIsRefusedWithAWarning() throws Exception {
    ForkedJvm.Result result = probe("--add-modules", VECTOR_MODULE, "-XX:TieredStopAtLevel=1");
    assertEquals("kernel=swar\n", result.stdout());
    assertTrue(
        result.stderr().contains("WARNING: mmap4j search: SWAR kernel, not the Vector API one: C2"),
        result.stderr());
  }
}
