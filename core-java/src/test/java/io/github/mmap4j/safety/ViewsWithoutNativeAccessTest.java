package io.github.mmap4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams, channels and residency in a JVM without native access, where maps are the JDK's own
 * mapped segments: {@code isLoaded} and {@code load} come from the JDK, {@code residentBytes} is
 * unsupported, and a truncated file still gives {@code MmapTruncatedException}, never a crash.
 */
class ViewsWithoutNativeAccessTest {
  @TempDir Path dir;

  @Test
  void viewsAndResidencyWorkWithoutNativeAccess() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run(ViewsProbe.class, List.of(), dir.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("", r.stderr(), "the JVM printed warnings");
    assertEquals(
        """
        properties=mmap4j
        channel=abc
        sparse-loaded-before=false
        sparse-loaded-after=true
        residentBytes=residentBytes needs native access: run with\
         --enable-native-access=io.github.mmap4j (ALL-UNNAMED on the class path)
        anonymous-loaded-after=true
        truncated-load=20000 MmapTruncatedException
        """,
        r.stdout());
  }
}
