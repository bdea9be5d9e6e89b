package io.github.mmap4j.kotlin

import io.github.mmap4j.Access
import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The messages the DSL's operators give: CPython's words exactly, then the figures in parentheses,
 * ranges and progressions written as Kotlin writes them.
 */
class MessageFiguresTest {
  // Int variables (not literals) so that Kotlin picks the extensions, not get(long)/set(long, int).
  private val minusHundred: Int = -100
  private val sixtySeven: Int = 67
  private val zero: Int = 0

  /** The shape every message has: CPython's [words], alone or followed by " (figures)". */
  private fun assertStartsWithCPython(words: String, message: String?) {
    val rest = message.orEmpty().removePrefix(words)
    assertTrue(
      message.orEmpty().startsWith(words) &&
        (rest.isEmpty() || (rest.startsWith(" (") && rest.endsWith(")") && '\n' !in rest)),
      "<$message> does not start with <$words>",
    )
  }

  @Test
  fun indexOperatorNamesTheIndexAndTheLength() {
    anonymousMmap(67).use { m ->
      val read = assertFailsWith<IndexOutOfBoundsException> { m[minusHundred] }
      assertEquals("mmap index out of range (index -100, length 67)", read.message)
      val write = assertFailsWith<IndexOutOfBoundsException> { m[sixtySeven] = 1 }
      assertEquals("mmap index out of range (index 67, length 67)", write.message)
    }
  }

  @Test
  fun itemValueOperatorNamesTheValue() {
    anonymousMmap(67).use { m ->
      val thrown = assertFailsWith<IllegalArgumentException> { m[zero] = 300 }
      assertEquals("mmap item value must be in range(0, 256) (value 300)", thrown.message)
    }
  }

  @Test
  fun rangeOutsideTheMapIsNamedAsWritten() {
    anonymousMmap(10).use { m ->
      val thrown = assertFailsWith<IndexOutOfBoundsException> { m[8..11 step 2] }
      // Kotlin normalises 8..11 step 2 to 8..10 step 2 (its last element) before the DSL sees it.
      assertEquals("mmap index out of range (8..10 step 2 reaches outside 0..<10)", thrown.message)
      assertStartsWithCPython("mmap index out of range", thrown.message)
    }
  }

  @Test
  fun descendingProgressionOutsideTheMapIsNamedWithDownTo() {
    anonymousMmap(10).use { m ->
      val thrown = assertFailsWith<IndexOutOfBoundsException> { m[12 downTo 0 step 3] }
      assertEquals(
        "mmap index out of range (12 downTo 0 step 3 reaches outside 0..<10)",
        thrown.message,
      )
    }
  }

  @Test
  fun longRangeOutsideTheMapIsNamedAsWritten() {
    anonymousMmap(10).use { m ->
      val thrown = assertFailsWith<IndexOutOfBoundsException> { m[5L..<11L] }
      assertEquals("mmap index out of range (5..10 reaches outside 0..<10)", thrown.message)
    }
  }

  @Test
  fun wrongSizeOfAnInclusiveRangeNamesBothSizesAndTheFix() {
    anonymousMmap(40).use { m ->
      val thrown = assertFailsWith<IllegalArgumentException> { m[13..28] = ByteArray(15) }
      assertEquals(
        "mmap slice assignment is wrong size (13..28 holds 16 bytes, value has 15;" +
          " Python's m[13:28] is 13..<28)",
        thrown.message,
      )
      assertStartsWithCPython("mmap slice assignment is wrong size", thrown.message)
    }
  }

  @Test
  fun wrongSizeOfAProgressionNamesItWithoutAHint() {
    anonymousMmap(40).use { m ->
      val thrown = assertFailsWith<IllegalArgumentException> { m[0..<10 step 2] = ByteArray(3) }
      assertEquals(
        "mmap slice assignment is wrong size (0..8 step 2 holds 5 bytes, value has 3)",
        thrown.message,
      )
    }
  }

  @Test
  fun wrongSizeOfOneByteSaysByte() {
    anonymousMmap(40).use { m ->
      val thrown = assertFailsWith<IllegalArgumentException> { m[5..5] = ByteArray(2) }
      assertEquals(
        "mmap slice assignment is wrong size (5..5 holds 1 byte, value has 2)",
        thrown.message,
      )
    }
  }

  @Test
  fun openingBeyondTheFileNamesLengthAndFileSize(@TempDir dir: Path) {
    val path = Files.writeString(dir.resolve("f"), "abcdef")
    val thrown = assertFailsWith<IllegalArgumentException> { path.mmap(Access.READ, length = 40) }
    assertEquals("mmap length is greater than file size (length 40, file size 6)", thrown.message)
  }

  @Test
  fun negativeAnonymousLengthNamesIt() {
    val thrown = assertFailsWith<IllegalArgumentException> { anonymousMmap(-1) }
    assertEquals("memory mapped length must be positive (length -1)", thrown.message)
  }

  @Test
  fun stepZeroStaysCPythons() {
    anonymousMmap(10).use { m ->
      val thrown = assertFailsWith<IllegalArgumentException> { m.sliceClosed(0, 9, 0) }
      assertEquals("slice step cannot be zero", thrown.message)
    }
  }
}
