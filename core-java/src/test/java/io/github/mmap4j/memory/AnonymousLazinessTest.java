package io.github.mmap4j.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Anonymous maps take memory only for the pages touched, like CPython's {@code mmap.mmap(-1, n)}: a
 * 1 GiB map with two bytes set adds far less than 1 GiB to the resident set, with native access
 * ({@code mmap(2)}) and without it (an unlinked file on {@code /dev/shm}). An eager allocation
 * (zero-filled up front) adds the whole gibibyte, which is what makes this test sharp.
 */
class AnonymousLazinessTest {
  private static final long GIB = 1L << 30;
  private static final long LIMIT = 64L << 20; // generous: JIT, GC and the page tables

  @Test
  void aLargeAnonymousMapTakesMemoryOnlyForTouchedPages() throws IOException {
    long before = residentBytes();
    try (Mmap m = Mmap.anonymous(GIB)) {
      m.set(0, 1);
      m.set(GIB - 1, 1);
      long grown = residentBytes() - before;
      assertTrue(grown < LIMIT, "resident set grew by " + grown + " bytes");
      assertEquals(0, m.get(GIB / 2));
    }
  }

  @Test
  void copyOnWriteAnonymousMapsAreLazyToo() throws IOException {
    long before = residentBytes();
    try (Mmap m = Mmap.anonymous(GIB, Access.COPY)) {
      m.set(GIB / 3, 9);
      assertTrue(residentBytes() - before < LIMIT);
      assertEquals(9, m.get(GIB / 3));
    }
  }

  @Test
  void withoutNativeAccessAnonymousMapsAreLazy() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + "/bin/java");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LazyWithoutNativeAccess.class.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes()).strip();
    assertTrue(child.waitFor(2, TimeUnit.MINUTES), "child hung");
    assertEquals(0, child.exitValue(), out);
    long grown = Long.parseLong(out.substring(out.lastIndexOf('=') + 1));
    assertTrue(grown < LIMIT, out);
  }

  /** The resident set of this process, from {@code /proc/self/status}. */
  static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
