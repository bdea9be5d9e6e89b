package io.github.mmap4j.fuzz

import io.github.mmap4j.Mmap
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * How the fuzzers compare an outcome of mmap4j with the model's and CPython's: CPython's words
 * exactly, the figures mmap4j adds only by their shape.
 */
class OutcomeAgreementTest {
  private val index = "IndexOutOfBoundsException: mmap index out of range"

  @Test
  fun mmap4jsFiguresAfterTheModelsMessageAgree() {
    val real = Mmap.anonymous(10).use { m -> Outcome.of { m.get(10) } }
    assertTrue(real.startsWith("$index ("), real)
    assertTrue(Outcome.agrees(index, real), real)
  }

  @Test
  fun equalOutcomesAgree() {
    assertTrue(Outcome.agrees("b'ab'", "b'ab'"))
    assertTrue(Outcome.agrees(index, index))
  }

  @Test
  fun otherWordsBeforeTheFiguresDisagree() {
    assertFalse(Outcome.agrees(index, "IndexOutOfBoundsException: seek out of range (target 11)"))
    assertFalse(Outcome.agrees(index, "$index: 8..10 reaches outside 0..<10"))
    assertFalse(Outcome.agrees(index, "IllegalArgumentException: mmap index out of range (x)"))
  }

  @Test
  fun figuresOfAnotherShapeDisagree() {
    assertFalse(Outcome.agrees(index, "$index ()"))
    assertFalse(Outcome.agrees(index, "$index (index 10"))
    assertFalse(Outcome.agrees(index, "$index (index 10,\nlength 10)"))
    assertFalse(Outcome.agrees(index, "$index(index 10)"))
  }

  @Test
  fun valuesNeverTakeFigures() {
    assertFalse(Outcome.agrees("b'ab'", "b'ab' (2 bytes)"))
    assertFalse(Outcome.agrees("3", "3 (x)"))
  }
}
