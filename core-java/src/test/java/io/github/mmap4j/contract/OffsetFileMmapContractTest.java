package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.filled;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared contract on a map that starts one page into its file and ends before the file does: a
 * page of {@code 'P'} before the content and {@code TRAILER} after it, so an index that forgets the
 * offset, or a bound taken from the file instead of the map, shows up as a wrong byte.
 */
class OffsetFileMmapContractTest extends MmapContract {
  @TempDir Path dir;
  private int files;

  @Override
  Mmap create(byte[] content, Access access) throws IOException {
    Path file = dir.resolve("map" + files++);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(filled(Mmap.PAGESIZE, 'P'));
      out.write(content);
      out.write(bytes("TRAILER"));
    }
    return Mmap.open(file, content.length, access, Mmap.PAGESIZE);
  }

  @Override
  public long mapOffset() {
    return Mmap.PAGESIZE;
  }
}
