package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Mmap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic words of a shared file map are atomic across processes: two JVMs add to one counter at the
 * same time and no increment is lost. (A plain read-add-write loop loses many here, which is what
 * makes the test sharp.)
 */
class AtomicAcrossProcessesTest {
  private static final long PER_PROCESS = 1_000_000;

  @TempDir Path dir;

  @Test
  void getAndAddLongFromTwoProcessesLosesNothing() throws Exception {
    assertEquals(2 * PER_PROCESS, runTwo("add"));
  }

  @Test
  void compareAndSetLongSpinsFromTwoProcessesLoseNothing() throws Exception {
    assertEquals(2 * PER_PROCESS, runTwo("cas"));
  }

  private long runTwo(String mode) throws Exception {
    Path file = dir.resolve("counter-" + mode);
    Files.write(file, new byte[Mmap.PAGESIZE]);
    String startAt = Long.toString(System.currentTimeMillis() + 1500); // both JVMs are up by then
    List<CompletableFuture<ForkedJvm.Result>> children = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      children.add(
          CompletableFuture.supplyAsync(
              () -> fork(file, mode, startAt), Executors.newVirtualThreadPerTaskExecutor()));
    }
    for (CompletableFuture<ForkedJvm.Result> child : children) {
      ForkedJvm.Result result = child.get();
      assertEquals(0, result.exitCode(), result::stderr);
      assertTrue(result.stdout().startsWith("ok"), result.stdout());
    }
    return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.nativeOrder()).getLong(0);
  }

  private static ForkedJvm.Result fork(Path file, String mode, String startAt) {
    try {
      return ForkedJvm.run(
          AtomicCounter.class,
          List.of("--enable-native-access=ALL-UNNAMED"),
          file.toString(),
          mode,
          Long.toString(PER_PROCESS),
          startAt);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
