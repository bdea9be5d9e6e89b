// The patch sample with the mmap4j Kotlin DSL: the same steps as BinaryPatch.java. Ranges keep
// their Kotlin meaning: Python's m[16:] is m[16L..<m.length()].
package io.github.mmap4j.samples

import io.github.mmap4j.Access
import io.github.mmap4j.Mmap
import io.github.mmap4j.kotlin.get
import io.github.mmap4j.kotlin.mmap
import io.github.mmap4j.samples.RecordFile.CHECKSUM_OFFSET
import io.github.mmap4j.samples.RecordFile.HEADER_SIZE
import io.github.mmap4j.samples.RecordFile.VERSION_OFFSET
import io.github.mmap4j.samples.RecordFile.changedOffsets
import io.github.mmap4j.samples.RecordFile.hexDump
import java.io.IOException
import java.io.PrintWriter
import java.nio.ByteOrder.BIG_ENDIAN
import java.nio.file.Path
import kotlin.io.path.readBytes

/** Changes a header field in place through a WRITE map, then tries an edit in a COPY map. */
class BinaryPatchKotlin(private val out: PrintWriter) {
  /** Creates [file] (a record file) and patches it. */
  fun run(file: Path) {
    val original = RecordFile.create(file)
    out.println("# patch (Kotlin): edit a binary file in place, $file")
    out.println("## the file as written: ${RecordFile.header(original)}")
    out.println(hexDump(original))

    patchVersion(file)
    val patched = file.readBytes()
    out.println("## the file after the WRITE map: ${RecordFile.header(patched)}")
    out.println(hexDump(patched))
    out.println("changed offsets: ${changedOffsets(original, patched)}")

    tryEditInCopy(file)
    val afterCopy = file.readBytes()
    out.println("## the file after the COPY map: ${RecordFile.header(afterCopy)}")
    out.println("changed offsets since the WRITE step: ${changedOffsets(patched, afterCopy)}")
    out.flush()
  }

  private fun patchVersion(file: Path) {
    out.println()
    out.println("## WRITE map: set the version (offset 4, 2 bytes) to 2")
    file.mmap(Access.WRITE) { m ->
      // The DSL has no typed words of its own: core's getShort/setShort with a ByteOrder.
      out.println(
        "struct.unpack_from('>H', m, 4)[0] -> ${m.getShort(VERSION_OFFSET.toLong(), BIG_ENDIAN).toUShort()}"
      )
      m.setShort(VERSION_OFFSET.toLong(), 2, BIG_ENDIAN)
      out.println("struct.pack_into('>H', m, 4, 2)   # Kotlin: m.setShort(4, 2, BIG_ENDIAN)")
      try {
        m.flush(VERSION_OFFSET.toLong(), 2)
      } catch (e: IOException) {
        // msync(2) wants a page-aligned start; CPython passes the offset through and fails alike.
        out.println("m.flush(4, 2)                     -> IOException: ${e.message}")
      }
      val page = VERSION_OFFSET - VERSION_OFFSET % Mmap.PAGESIZE
      val size = VERSION_OFFSET + 2 - page
      m.flush(page.toLong(), size.toLong())
      out.println(
        "m.flush($page, $size)                     -> ok: the page holding the field is on disk"
      )
    }
  }

  private fun tryEditInCopy(file: Path) {
    out.println()
    out.println("## COPY map: try a corrected reading for record 2, with a valid checksum")
    file.mmap(Access.COPY) { m ->
      val at = RecordFile.readingOffset(2)
      m.setLong(at.toLong(), -2_950, BIG_ENDIAN)
      out.println(
        "struct.pack_into('>q', m, $at, -2950)   # Kotlin: m.setLong($at, -2950, BIG_ENDIAN)"
      )
      val crc = RecordFile.checksum(m[HEADER_SIZE.toLong()..<m.length()]) // Python's m[16:]
      m.setInt(CHECKSUM_OFFSET.toLong(), crc.toInt(), BIG_ENDIAN)
      out.println("struct.pack_into('>I', m, 12, zlib.crc32(m[16:]))")
      m.flush() // a no-op on COPY maps, as in CPython
      val tried = m[0L..<m.length()]
      out.println("in the map: ${RecordFile.header(tried)}")
      out.println(hexDump(tried))
      out.println("changed offsets in the map: ${changedOffsets(file.readBytes(), tried)}")
    }
  }
}
