package io.github.mmap4j.safety;

import io.github.mmap4j.Access;
import io.github.mmap4j.Madvise;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.MmapTruncatedException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The forked half of {@link GuardedPathTruncationTest}'s case without native access. */
public final class WillNeedOnTruncatedFile {
  private WillNeedOnTruncatedFile() {}

  public static void main(String[] args) throws Exception {
    Path file = Files.createTempFile("mmap4j-willneed", ".bin");
    Files.write(file, new byte[3 * Mmap.PAGESIZE]);
    String outcome = "no failure";
    try (Mmap map = Mmap.open(file, Access.READ)) {
      try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
        other.truncate(10);
      }
      for (int i = 0; i < 2_000; i++) {
        try {
          map.madvise(Madvise.WILLNEED);
        } catch (MmapTruncatedException e) {
          outcome = e.getClass().getSimpleName();
        }
      }
    } finally {
      Files.delete(file);
    }
    System.out.println("willneed=" + outcome);
  }
}
