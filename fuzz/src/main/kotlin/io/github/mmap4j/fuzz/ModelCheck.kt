package io.github.mmap4j.fuzz

import io.github.mmap4j.Mmap
import java.io.RandomAccessFile
import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption.READ
import java.nio.file.StandardOpenOption.WRITE

/**
 * Runs a scenario on the real [Mmap] and on [ReferenceMmap] side by side and returns the first
 * difference: after every step the result (or exception class and message), `tell()`, `length()`
 * and the whole window; after `close()` the file on disk.
 */
class ModelCheck(private val dir: Path, private val pageSize: Int = PageSize.VALUE) {
  /** Steps run so far by this checker (for the run's summary). */
  var steps = 0L
    private set

  fun run(scenario: Scenario): Divergence? {
    val config = scenario.config
    val file = dir.resolve("fuzz.bin")
    Files.deleteIfExists(file)
    val model = config.newModel(pageSize)
    val channel = if (config.viaChannel) lazy { FileChannel.open(file, READ, WRITE) } else null
    val real =
      try {
        RealMmap(open(config, file, channel))
      } catch (e: Throwable) {
        channel?.takeIf { it.isInitialized() }?.value?.close()
        return Divergence(scenario, 0, "opening the map", "it opens", Outcome.raised(e), MMAP4J)
      }
    // The borrowed channel stays open until the map is closed, as a caller's would.
    (channel?.value ?: AutoCloseable {}).use {
      real.use {
        scenario.actions.forEachIndexed { step, action ->
          steps++
          val expected = Observation.of(model, action)
          val actual = Observation.of(real, action)
          val (what, want, got) = expected.firstDifference(actual) ?: return@forEachIndexed
          val detail = if (what == "content crc32") " (${firstDifferentByte(model, real)})" else ""
          return Divergence(scenario, step, what + detail, want, got, MMAP4J)
        }
      }
    }
    model.close()
    val expected =
      model.file()?.let { Observation.ofFile(it.length, it.bytes) } ?: Observation.ANONYMOUS_FILE
    val actual =
      if (config.backing == Backing.ANONYMOUS) Observation.ANONYMOUS_FILE
      else onDisk(file, config.base)
    Files.deleteIfExists(file)
    if (expected == actual) return null
    return Divergence(scenario, scenario.actions.size, "file", expected, actual, MMAP4J)
  }

  private fun open(config: MapConfig, file: Path, channel: Lazy<FileChannel>?): Mmap {
    if (config.backing == Backing.ANONYMOUS) return Mmap.anonymous(config.length, config.access)
    RandomAccessFile(file.toFile(), "rw").use { raf ->
      raf.setLength(config.fileLength) // sparse: only the pages from base on get blocks
      raf.seek(config.base)
      raf.write(config.initialFile()!!.bytes)
    }
    if (channel != null) return Mmap.map(channel.value, config.length, config.access, config.offset)
    return Mmap.open(file, config.length, config.access, config.offset)
  }

  private fun onDisk(file: Path, base: Long): String =
    RandomAccessFile(file.toFile(), "r").use { raf ->
      val tail = raf.length() - base
      if (tail !in 0..MAX_TAIL) return "length=${raf.length()} (unreadable tail)"
      val bytes = ByteArray(tail.toInt())
      raf.seek(base)
      raf.readFully(bytes)
      Observation.ofFile(raf.length(), bytes)
    }

  private fun firstDifferentByte(model: ReferenceMmap, real: MmapLike): String {
    val want = model.content()
    val got = runCatching { real.slice(0, Long.MAX_VALUE) }.getOrNull() ?: return "unreadable"
    val at = want.indices.firstOrNull { it >= got.size || want[it] != got[it] } ?: want.size
    val show = { bytes: ByteArray -> if (at < bytes.size) "0x%02x".format(bytes[at]) else "none" }
    return "first difference at m[$at]: model ${show(want)}, mmap4j ${show(got)}"
  }

  private companion object {
    const val MMAP4J = "mmap4j"
    const val MAX_TAIL = 1L shl 26
  }
}
