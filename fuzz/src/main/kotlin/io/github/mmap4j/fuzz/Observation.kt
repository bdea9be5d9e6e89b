package io.github.mmap4j.fuzz

import java.util.zip.CRC32

/**
 * What one step shows: the call's [outcome], then `tell()`, `length()` and a CRC-32 of the whole
 * window (each an [Outcome] text, so a closed map shows its error there too).
 */
data class Observation(
  val outcome: String,
  val tell: String,
  val length: String,
  val content: String,
) {
  /**
   * The first field that differs from [actual], as (name, expected, actual); null if none. An
   * exception's message compares by [Outcome.agrees]: CPython's words exactly, figures by shape.
   */
  fun firstDifference(actual: Observation): Triple<String, String, String>? =
    listOf(
        Triple("result", outcome, actual.outcome),
        Triple("tell()", tell, actual.tell),
        Triple("len(m)", length, actual.length),
        Triple("content crc32", content, actual.content),
      )
      .firstOrNull { !Outcome.agrees(it.second, it.third) }

  companion object {
    /** Runs [action] on [m] and looks at the map afterwards. */
    fun of(m: MmapLike, action: Action): Observation =
      Observation(
        Outcome.of { action.run(m) },
        Outcome.of { m.tell() },
        Outcome.of { m.length() },
        Outcome.of { crc32(m.slice(0, Long.MAX_VALUE)) },
      )

    fun crc32(bytes: ByteArray): String = "%08x".format(CRC32().apply { update(bytes) }.value)

    /** The file after close: its length and a CRC-32 of its bytes from [FileImage.base] on. */
    fun ofFile(length: Long, bytesFromBase: ByteArray): String =
      "length=$length crc=${crc32(bytesFromBase)}"

    const val ANONYMOUS_FILE = "anonymous"
  }
}

/** The first place where the system under test disagreed with the model. */
class Divergence(
  val scenario: Scenario,
  /** Index of the action, or `scenario.actions.size` for the file check after close. */
  val step: Int,
  val what: String,
  val expected: String,
  val actual: String,
  private val actualName: String,
) {
  override fun toString(): String {
    val where =
      if (step < scenario.actions.size) "step ${step + 1} `${scenario.actions[step].python}`"
      else "the file after close()"
    val note = "$what: model says $expected; $actualName says $actual"
    return "$actualName differs from the model at $where, $note\n" +
      "Reproduction (${scenario.config}), paste into python3:\n\n" +
      scenario.pythonScript(mapOf(step to "<-- $note")) +
      "\n"
  }
}
