package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import java.nio.ByteOrder
import java.util.concurrent.TimeUnit
import kotlin.random.Random
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/**
 * The actions for core's byte access beyond CPython: the generator draws every kind with both
 * outcomes, and a failing list's script reproduces the model's bytes in CPython.
 */
class BeyondCPythonActionsTest {
  /** Each kind must show up both succeeding and failing, or a whole side of it goes unchecked. */
  @Test
  fun everyKindIsDrawnSucceedingAndFailing() {
    val random = Random(20261130)
    val seen = mutableMapOf<String, MutableSet<Boolean>>()
    repeat(600) {
      val scenario = Scenarios().generate(random)
      val model = scenario.config.newModel(PageSize.VALUE)
      for (action in scenario.actions) {
        val failed = EXCEPTION.matches(Outcome.of { action.run(model) })
        if (action is BeyondCPythonAction) {
          seen.getOrPut(action.javaClass.simpleName) { mutableSetOf() } += failed
        }
      }
    }
    val kinds = BeyondCPythonAction::class.sealedSubclasses.map { it.java.simpleName }.sorted()
    assertEquals(kinds.associateWith { setOf(false, true) }, seen.toSortedMap())
  }

  /** The printed script (struct calls and the helper functions) leaves the model's bytes. */
  @Test
  fun scriptReproducesTheModelsBytes() {
    val config =
      MapConfig(Backing.ANONYMOUS, Access.DEFAULT, 0, 0, 0, 48, Content(Content.Style.ZEROS, 1, 0))
    val actions =
      listOf(
        SetWordAction(Word.INT, 1, 0x01020304, ByteOrder.BIG_ENDIAN),
        SetWordAction(Word.SHORT, 6, -2, null),
        SetWordAction(Word.FLOAT, 9, 0x3fc00000, ByteOrder.LITTLE_ENDIAN),
        SetWordAction(Word.DOUBLE, 13, 0x7ff8000000000123, ByteOrder.BIG_ENDIAN),
        SetByteAction(-1, -3),
        SetFromAction(22, byteArrayOf(1, 2, 3, 4), 1, 2),
        AtomicAction(AtomicOp.GET_AND_ADD_LONG, 24, -1, 0),
        AtomicAction(AtomicOp.COMPARE_AND_SET_INT, 32, 0, 77),
        WriteBufferAction(BufferSpec(byteArrayOf(9, 8, 7, 6), 1, 3, direct = true, false)),
        ReadIntoAction(4, 1, 2),
        GetWordAction(Word.LONG, 3, null),
        GetByteAction(-2),
      )
    val model = config.newModel(PageSize.VALUE)
    actions.forEach { it.run(model) }
    val script = Scenario(config, actions).pythonScript() + "\nprint(m[:].hex())\n"
    val process = ProcessBuilder(Python3.command(), "-c", script).redirectErrorStream(true).start()
    val output = process.inputStream.bufferedReader().readText().trim()
    process.waitFor(30, TimeUnit.SECONDS)
    assertEquals(model.content().joinToString("") { "%02x".format(it) }, output)
  }

  private companion object {
    val EXCEPTION = Regex("\\w+(Exception|Error): .*", RegexOption.DOT_MATCHES_ALL)
  }
}
