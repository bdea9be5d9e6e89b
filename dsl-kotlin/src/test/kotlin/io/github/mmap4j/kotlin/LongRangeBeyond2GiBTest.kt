package io.github.mmap4j.kotlin

import java.io.RandomAccessFile
import java.nio.file.Path
import kotlin.test.assertContentEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** `LongRange` slices reach past `Int.MAX_VALUE`; the file is sparse, so this costs no disk. */
class LongRangeBeyond2GiBTest {
  private val twoGiB = 1L shl 31

  @Test
  fun longRangeReadsAcrossTheTwoGiBBoundary(@TempDir dir: Path) {
    val path = dir.resolve("sparse.bin")
    RandomAccessFile(path.toFile(), "rw").use { file ->
      file.setLength(3L shl 30)
      file.seek(twoGiB - 2)
      file.write(byteArrayOf(1, 2, 3, 4))
    }
    path.mmap { m ->
      assertContentEquals(byteArrayOf(0, 1, 2, 3, 4, 0), m[twoGiB - 3..twoGiB + 2])
      assertContentEquals(byteArrayOf(3, 4), m[twoGiB..<twoGiB + 2])
    }
  }
}
