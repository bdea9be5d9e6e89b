package io.github.mmap4j.safety;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The forked half of {@link NativeAccessTest}: exercises the calls that use native code when
 * allowed and prints what happened, one {@code key=value} line each. Argument: a file that cannot
 * be opened for writing.
 */
public final class NativeAccessProbe {
  private NativeAccessProbe() {}

  public static void main(String[] args) throws Exception {
    Path readOnly = Path.of(args[0]);
    System.out.println("pagesize=" + Mmap.PAGESIZE);
    Path scratch = Files.createTempFile("mmap4j-probe", ".bin");
    Files.write(scratch, new byte[4 * Mmap.PAGESIZE]);
    try (Mmap m = Mmap.open(scratch, Access.WRITE)) {
      m.madvise(Madvise.WILLNEED);
      m.madvise(Madvise.DONTNEED, Mmap.PAGESIZE, 10);
      System.out.println("madvise=ok");
      m.set(0, 42);
      m.flush();
      m.flush(Mmap.PAGESIZE, Mmap.PAGESIZE);
      System.out.println("flush=ok");
      try {
        m.madvise(Madvise.NORMAL, 1);
      } catch (java.io.IOException e) {
        System.out.println("madvise-unaligned=" + e.getMessage());
      }
    } finally {
      Files.delete(scratch);
    }
    try (Mmap m = Mmap.open(readOnly, Access.COPY)) {
      m.set(0, 'J');
      System.out.println("copy=" + (char) m.get(0) + (char) m.get(1));
    } catch (java.io.IOException e) {
      System.out.println("copy=" + e.getMessage());
    }
  }
}
