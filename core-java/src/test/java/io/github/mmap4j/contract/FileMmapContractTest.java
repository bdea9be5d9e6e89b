package io.github.mmap4j.contract;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared contract on a file holding exactly the content, mapped from offset 0. */
class FileMmapContractTest extends MmapContract {
  @TempDir Path dir;
  private int files;

  @Override
  Mmap create(byte[] content, Access access) throws IOException {
    Path file = Files.write(dir.resolve("map" + files++), content);
    return Mmap.open(file, content.length, access, 0);
  }

  @Override
  public long mapOffset() {
    return 0;
  }
}
