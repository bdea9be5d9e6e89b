package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * close() and resize() while other threads use the same map never crash the JVM (JDK-8364167
 * crashes it when a shared arena closes under a reader). Each scenario runs in a forked JVM so that
 * a crash fails the test instead of killing the test runner.
 */
class ConcurrentCloseTest {
  private static final List<String> JVM = List.of("--enable-native-access=ALL-UNNAMED", "-Xmx256m");

  @Test
  void closeFromAnotherThreadWhileTheOwnerAndGuestsRead() throws Exception {
    assertSurvives("guest-close");
  }

  @Test
  void closeFromTheOwnerWhileGuestsRead() throws Exception {
    assertSurvives("owner-close");
  }

  @Test
  void resizeWhileGuestsRead() throws Exception {
    assertSurvives("resize");
  }

  private static void assertSurvives(String mode) throws Exception {
    ForkedJvm.Result result = ForkedJvm.run(ConcurrentCloseStress.class, JVM, "150", mode);
    assertEquals(0, result.exitCode(), () -> mode + " crashed or failed:\n" + result.stderr());
    assertTrue(result.stdout().startsWith("ok rounds=150"), result.stdout());
  }
}
