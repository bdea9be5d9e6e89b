package io.github.mmap4j.kotlin

import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assumptions.assumeTrue

/**
 * The CPython interpreter the DSL's tests compare with: `-Dmmap4j.test.python=<path>` if given,
 * else `python3` on the `PATH`. Every test that needs it calls [command], so all of them skip
 * alike, with the same reason, on a machine without python3 (CI has python3, so nothing is skipped
 * there).
 */
internal object Python3 {
  private val executable: String =
    System.getProperty("mmap4j.test.python")?.takeIf { it.isNotBlank() } ?: "python3"

  /** Null when [executable] runs and imports `mmap`, else why not; asked once per test run. */
  private val missing: String? by lazy { probe() }

  /** The interpreter to run; skips the calling test (JUnit assumption) when there is none. */
  fun command(): String {
    assumeTrue(missing == null) {
      "python3 was not found ($missing): this test compares with CPython; install python3 or " +
        "pass -Dmmap4j.test.python=/path/to/python3"
    }
    return executable
  }

  private fun probe(): String? = runCatching {
    val process = ProcessBuilder(executable, "-c", "import mmap").redirectErrorStream(true).start()
    process.inputStream.readAllBytes()
    when {
      !process.waitFor(30, TimeUnit.SECONDS) -> {
        process.destroyForcibly()
        "$executable did not answer in 30 s"
      }
      process.exitValue() != 0 -> "$executable cannot import mmap"
      else -> null
    }
  }
    .getOrElse { "$executable cannot be started: ${it.message}" }
}
