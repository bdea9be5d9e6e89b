package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * close() and resize() while other threads use the same map never crash the JVM: neither through a
 * native mapping unmapped under a reader (SIGSEGV) nor through a shared arena closed under one
 * (JDK-8364167). Each scenario runs in a forked JVM so that a crash fails the test instead of
 * killing the test runner.
 */
class ConcurrentCloseTest {
  private static final List<String> NATIVE = List.of("--enable-native-access=ALL-UNNAMED");
  private static final List<String> NO_NATIVE = List.of();

  @Test
  void closeFromAnotherThreadWhileTheOwnerAndGuestsRead() throws Exception {
    assertSurvives("guest-close", NATIVE);
  }

  @Test
  void closeOfABorrowedChannelMapFromAnotherThread() throws Exception {
    assertSurvives("guest-close-channel", NATIVE); // unmapped with munmap, not by its arena
  }

  @Test
  void closeFromAnotherThreadWithoutNativeAccess() throws Exception {
    assertSurvives("guest-close", NO_NATIVE); // FileChannel.map into a shared Arena
  }

  @Test
  void closeFromTheOwnerWhileGuestsRead() throws Exception {
    assertSurvives("owner-close", NATIVE);
  }

  @Test
  void resizeWhileGuestsRead() throws Exception {
    assertSurvives("resize", NATIVE);
  }

  /** Every core reads, none of the readers created the map: each reads through its presence. */
  @Test
  void closeWhileAReaderOnEveryCoreReads() throws Exception {
    assertSurvives("guests-only-close", NATIVE);
  }

  @Test
  void resizeWhileAReaderOnEveryCoreReads() throws Exception {
    assertSurvives("guests-only-resize", NATIVE);
  }

  @Test
  void closeWhileReadersReadWithoutNativeAccess() throws Exception {
    assertSurvives("guests-only-close", NO_NATIVE);
  }

  private static void assertSurvives(String mode, List<String> jvm) throws Exception {
    ForkedJvm.Result result = ForkedJvm.run(ConcurrentCloseStress.class, jvm, "150", mode);
    assertEquals(0, result.exitCode(), () -> mode + " crashed or failed:\n" + result.stderr());
    assertTrue(result.stdout().startsWith("ok rounds=150"), result.stdout());
  }
}
