package io.github.mmap4j.samples;

import static io.github.mmap4j.samples.RecordFile.CHECKSUM_OFFSET;
import static io.github.mmap4j.samples.RecordFile.HEADER_SIZE;
import static io.github.mmap4j.samples.RecordFile.VERSION_OFFSET;
import static io.github.mmap4j.samples.RecordFile.changedOffsets;
import static io.github.mmap4j.samples.RecordFile.hexDump;
import static java.nio.ByteOrder.BIG_ENDIAN;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The patch sample in Java: change a header field of a binary file in place through a WRITE map and
 * flush just that page; then try an edit in a COPY map, which never reaches the file.
 */
public final class BinaryPatch {
  private final PrintWriter out;

  /** A patch run that prints to {@code out}. */
  public BinaryPatch(PrintWriter out) {
    this.out = out;
  }

  /** Creates {@code file} (a record file) and patches it. */
  public void run(Path file) throws IOException {
    byte[] original = RecordFile.create(file);
    out.println("# patch (Java): edit a binary file in place, " + file);
    out.println("## the file as written: " + RecordFile.header(original));
    out.println(hexDump(original));

    patchVersion(file);
    byte[] patched = Files.readAllBytes(file);
    out.println("## the file after the WRITE map: " + RecordFile.header(patched));
    out.println(hexDump(patched));
    out.println("changed offsets: " + changedOffsets(original, patched));

    tryEditInCopy(file);
    byte[] afterCopy = Files.readAllBytes(file);
    out.println("## the file after the COPY map: " + RecordFile.header(afterCopy));
    out.println("changed offsets since the WRITE step: " + changedOffsets(patched, afterCopy));
    out.flush();
  }

  /** Version 1 → 2 in place: two bytes written, one page flushed. */
  private void patchVersion(Path file) throws IOException {
    out.println();
    out.println("## WRITE map: set the version (offset 4, 2 bytes) to 2");
    try (Mmap m = Mmap.open(file, Access.WRITE)) {
      out.println(
          "struct.unpack_from('>H', m, 4)[0] -> "
              + Short.toUnsignedInt(m.getShort(VERSION_OFFSET, BIG_ENDIAN)));
      m.setShort(VERSION_OFFSET, (short) 2, BIG_ENDIAN);
      out.println("struct.pack_into('>H', m, 4, 2)   # Java: m.setShort(4, (short) 2, BIG_ENDIAN)");
      try {
        m.flush(VERSION_OFFSET, 2);
      } catch (IOException e) {
        // msync(2) wants a page-aligned start; CPython passes the offset through and fails alike.
        out.println("m.flush(4, 2)                     -> IOException: " + e.getMessage());
      }
      long page = VERSION_OFFSET - VERSION_OFFSET % Mmap.PAGESIZE;
      long size = VERSION_OFFSET + 2 - page;
      m.flush(page, size);
      out.printf(
          "m.flush(%d, %d)                     -> ok: the page holding the field is on disk%n",
          page, size);
    }
  }

  /** A COPY map takes writes like any other map; the file never sees them. */
  private void tryEditInCopy(Path file) throws IOException {
    out.println();
    out.println("## COPY map: try a corrected reading for record 2, with a valid checksum");
    try (Mmap m = Mmap.open(file, Access.COPY)) {
      int at = RecordFile.readingOffset(2);
      m.setLong(at, -2_950, BIG_ENDIAN);
      out.printf(
          "struct.pack_into('>q', m, %d, -2950)   # Java: m.setLong(%d, -2950, BIG_ENDIAN)%n",
          at, at);
      long crc = RecordFile.checksum(m.slice(HEADER_SIZE, m.length()));
      m.setInt(CHECKSUM_OFFSET, (int) crc, BIG_ENDIAN);
      out.println("struct.pack_into('>I', m, 12, zlib.crc32(m[16:]))");
      m.flush(); // a no-op on COPY maps, as in CPython
      byte[] tried = m.slice(0, m.length());
      out.println("in the map: " + RecordFile.header(tried));
      out.println(hexDump(tried));
      out.println("changed offsets in the map: " + changedOffsets(Files.readAllBytes(file), tried));
    }
  }
}
