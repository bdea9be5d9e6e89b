package io.github.mmap4j.fuzz

import java.util.concurrent.TimeUnit

/**
 * The OS page size, asked of `getconf PAGESIZE` rather than taken from `Mmap.PAGESIZE`, so that the
 * model does not inherit a mistake of the code under test.
 */
object PageSize {
  val VALUE: Int by lazy { ask() ?: 4096 }

  private fun ask(): Int? = runCatching {
    val process = ProcessBuilder("getconf", "PAGESIZE").redirectErrorStream(true).start()
    process.waitFor(10, TimeUnit.SECONDS)
    process.inputStream.bufferedReader().readText().trim().toInt()
  }
    .getOrNull()
}
