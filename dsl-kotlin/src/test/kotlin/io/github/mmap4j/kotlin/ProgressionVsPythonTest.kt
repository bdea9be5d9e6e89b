package io.github.mmap4j.kotlin

import io.github.mmap4j.Mmap
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import org.junit.jupiter.api.Test

/**
 * `downTo`/`step` slices against CPython's answers for the same slices. The expected bytes come
 * from running `python3` on a real `mmap.mmap(-1, 10)`, so the test cannot share a mistake with
 * core. Without python3 the tests are skipped, saying so ([Python3]).
 */
class ProgressionVsPythonTest {
  private val digits = "0123456789"

  private fun digitsMap(): Mmap = anonymousMmap(10).apply { write(digits) }

  private fun ByteArray.hex(): String = joinToString("") { "%02x".format(it) }

  /**
   * Runs each Python [statement] on a fresh map of [digits]; returns the hex of `m[:]` after it.
   */
  private fun cpythonAfter(vararg statements: String): List<String> =
    python(statements.map { "$it\nprint(m[:].hex())" })

  /** The hex of each Python [expression] evaluated on a map of [digits]. */
  private fun cpythonValues(vararg expressions: String): List<String> =
    python(expressions.map { "print(($it).hex())" })

  private fun python(snippets: List<String>): List<String> {
    val script =
      snippets.joinToString("\n", prefix = "import mmap\n") {
        "m = mmap.mmap(-1, 10)\nm[:] = b'$digits'\n$it"
      }
    val process = ProcessBuilder(Python3.command(), "-c", script).redirectErrorStream(true).start()
    val output = process.inputStream.bufferedReader().readLines()
    check(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
      "python3 failed:\n" + output.joinToString("\n")
    }
    return output
  }

  @Test
  fun getByProgressionMatchesPythonSlices() {
    val kotlin =
      digitsMap().use { m ->
        listOf(
            m[8 downTo 2 step 2],
            m[9 downTo 0],
            m[7 downTo 1 step 3],
            m[0..9 step 3],
            m[1..<8 step 2],
            m[5 downTo 6],
          )
          .map { it.hex() }
      }
    val cpython =
      cpythonValues("m[8:1:-2]", "m[::-1]", "m[7:0:-3]", "m[0:10:3]", "m[1:8:2]", "m[5:6:-1]")
    assertEquals(cpython, kotlin)
  }

  @Test
  fun setByProgressionMatchesPythonSliceAssignment() {
    fun after(assign: (Mmap) -> Unit): String =
      digitsMap().use { m ->
        assign(m)
        m.slice(0, 10).hex()
      }
    val kotlin =
      listOf(
        after { it[9 downTo 0] = "abcdefghij".toByteArray() },
        after { it[0..9 step 2] = "ABCDE".toByteArray() },
        after { it[8 downTo 2 step 3] = "xyz".toByteArray() },
      )
    val cpython = cpythonAfter("m[::-1] = b'abcdefghij'", "m[::2] = b'ABCDE'", "m[8:1:-3] = b'xyz'")
    assertEquals(cpython, kotlin)
  }
}
