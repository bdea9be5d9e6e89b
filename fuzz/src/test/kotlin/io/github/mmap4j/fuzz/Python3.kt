package io.github.mmap4j.fuzz

import org.junit.jupiter.api.Assumptions.assumeTrue

/**
 * The CPython interpreter the fuzz tests compare with: `-Dmmap4j.test.python=<path>` if given, else
 * `python3` on the `PATH`. Every test that needs it calls [command], so all of them skip alike,
 * with the same reason, on a machine without python3 (CI has python3, so nothing is skipped there).
 */
internal object Python3 {
  private val executable: String =
    System.getProperty("mmap4j.test.python")?.takeIf { it.isNotBlank() } ?: "python3"

  /** Null when [executable] runs and imports `mmap`, else why not; asked once per test run. */
  private val missing: String? by lazy { CPythonOracle(executable).unavailableBecause() }

  /** The interpreter to run; skips the calling test (JUnit assumption) when there is none. */
  fun command(): String {
    assumeTrue(missing == null) {
      "python3 was not found ($missing): this test compares with CPython; install python3 or " +
        "pass -Dmmap4j.test.python=/path/to/python3"
    }
    return executable
  }
}
