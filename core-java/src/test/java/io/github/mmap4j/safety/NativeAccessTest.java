package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library works with native access enabled and without it, printing nothing either way;
 * PAGESIZE is the OS's page size in both cases. A file made immutable ({@code chattr +i}) stands
 * for a read-only file, since these tests run as root, for whom file modes do not apply.
 */
class NativeAccessTest {
  private static final byte[] CONTENT =
      "hello, read-only world".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;
  Path readOnly;

  @BeforeEach
  void immutableFile() throws Exception {
    readOnly = dir.resolve("read-only.txt");
    Files.write(readOnly, CONTENT);
    assertEquals(0, command("chattr", "+i", readOnly.toString()), "chattr +i failed");
  }

  @AfterEach
  void mutableAgain() throws Exception {
    command("chattr", "-i", readOnly.toString());
  }

  private static int command(String... words) throws IOException, InterruptedException {
    return new ProcessBuilder(words).inheritIO().start().waitFor();
  }

  /** The probe's madvise(NORMAL, 1): start 1 is not on a page. */
  private static String unalignedAdvice() throws IOException {
    return "madvise-unaligned=[Errno 22] Invalid argument (madvise start 1 is not a multiple of"
        + " PAGESIZE "
        + osPageSize()
        + ")\n";
  }

  private static String osPageSize() throws IOException {
    Process p = new ProcessBuilder("getconf", "PAGESIZE").start();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
  }

  private ForkedJvm.Result probe(List<String> jvmOptions) throws Exception {
    ForkedJvm.Result r = ForkedJvm.run(NativeAccessProbe.class, jvmOptions, readOnly.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("", r.stderr(), "the JVM printed warnings");
    return r;
  }

  @Test
  void withNativeAccessEverythingIsSilentAndCopyOfAReadOnlyFileWorks() throws Exception {
    ForkedJvm.Result r = probe(List.of("--enable-native-access=ALL-UNNAMED"));
    assertTrue(r.stdout().contains("pagesize=" + osPageSize() + "\n"), r.stdout());
    assertTrue(r.stdout().contains("madvise=ok\n"), r.stdout());
    assertTrue(r.stdout().contains("flush=ok\n"), r.stdout());
    assertTrue(r.stdout().contains(unalignedAdvice()), r.stdout());
    assertTrue(r.stdout().contains("copy=Je\n"), r.stdout());
    assertArrayEquals(CONTENT, Files.readAllBytes(readOnly));
  }

  @Test
  void withoutNativeAccessEverythingIsSilentAndCopyExplainsWhatItNeeds() throws Exception {
    ForkedJvm.Result r = probe(List.of());
    assertTrue(r.stdout().contains("pagesize=" + osPageSize() + "\n"), r.stdout());
    assertTrue(r.stdout().contains("madvise=ok\n"), r.stdout());
    assertTrue(r.stdout().contains("flush=ok\n"), r.stdout());
    assertTrue(r.stdout().contains(unalignedAdvice()), r.stdout());
    assertTrue(
        r.stdout()
            .contains(
                "copy=[Errno 13] Permission denied: ACCESS_COPY of a file that is not open for"
                    + " writing needs native access"),
        r.stdout());
  }
}
