package io.github.mmap4j.kotlin

import io.github.mmap4j.Access
import io.github.mmap4j.Mmap
import io.github.mmap4j.kotlin.contains as containsExtension
import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** Index, range and membership operators, checked through the Java API. */
class MmapOperatorsTest {
  private fun digits(): Mmap =
    anonymousMmap(10).apply {
      write("0123456789")
      seek(0)
    }

  // Int variables (not literals) so that Kotlin picks the extensions, not get(long)/set(long, int).
  private val three: Int = 3
  private val minusOne: Int = -1

  @Test
  fun getByIntIndex() {
    digits().use { m ->
      assertEquals('3'.code, m[three])
      assertEquals('9'.code, m[minusOne])
    }
  }

  @Test
  fun setByIntIndexWithInt() {
    digits().use { m ->
      m[three] = 0xff
      assertEquals(0xff, m.get(3L))
    }
  }

  @Test
  fun setByIntIndexWithByteStoresUnsignedBits() {
    digits().use { m ->
      m[three] = (-1).toByte()
      assertEquals(255, m.get(3L))
    }
  }

  @Test
  fun setByLongIndexWithByte() {
    digits().use { m ->
      m[9L] = 0x41.toByte()
      assertEquals(0x41, m.get(9L))
    }
  }

  @Test
  fun getByIntRangeIncludesTheLastIndex() {
    digits().use { m ->
      assertContentEquals("3456".toByteArray(), m[3..6])
      assertContentEquals("345".toByteArray(), m[3..<6])
      assertContentEquals(ByteArray(0), m[6..3])
    }
  }

  @Test
  fun getByIntRangeOutsideTheMapIsOutOfRangeNotClamped() {
    digits().use { m ->
      val thrown = assertFailsWith<IndexOutOfBoundsException> { m[8..10] }
      assertEquals("mmap index out of range (8..10 reaches outside 0..<10)", thrown.message)
      // No silent `last + 1` in the DSL: -4..-1 must not become Python's m[-4:0] (empty).
      val negative = assertFailsWith<IndexOutOfBoundsException> { m[-4..-1] }
      assertEquals("mmap index out of range (-4..-1 reaches outside 0..<10)", negative.message)
    }
  }

  @Test
  fun getByLongRange() {
    digits().use { m -> assertContentEquals("789".toByteArray(), m[7L..9L]) }
  }

  @Test
  fun setByIntRangeHalfOpenIsPythonsSlice(@TempDir dir: Path) {
    val path = Files.writeString(dir.resolve("f"), ".".repeat(40))
    path.mmap(Access.WRITE) { m -> m[13..<28] = "Goodbye, world!".toByteArray() }
    assertEquals(".".repeat(13) + "Goodbye, world!" + ".".repeat(12), Files.readString(path))
  }

  @Test
  fun setByInclusiveIntRangeWithPythonsSliceSizeIsWrongSize() {
    anonymousMmap(40).use { m ->
      val thrown =
        assertFailsWith<IllegalArgumentException> { m[13..28] = "Goodbye, world!".toByteArray() }
      assertEquals(
        "mmap slice assignment is wrong size (13..28 holds 16 bytes, value has 15;" +
          " Python's m[13:28] is 13..<28)",
        thrown.message,
      )
      assertContentEquals(ByteArray(40), m.slice(0, 40), "nothing written")
    }
  }

  @Test
  fun setByLongRange() {
    digits().use { m ->
      m[0L..2L] = "abc".toByteArray()
      assertContentEquals("abc3456789".toByteArray(), m.slice(0, 10))
    }
  }

  @Test
  fun setByRangeOnReadOnlyMapIsReadOnlyError(@TempDir dir: Path) {
    Files.writeString(dir.resolve("f"), "abc").mmap().use { m ->
      val thrown = assertFailsWith<UnsupportedOperationException> { m[0..1] = "xy".toByteArray() }
      assertEquals("mmap can't modify a readonly memory map.", thrown.message)
    }
  }

  @Test
  fun getByProgression() {
    digits().use { m ->
      assertContentEquals("8642".toByteArray(), m[8 downTo 2 step 2])
      assertContentEquals("0369".toByteArray(), m[0..9 step 3])
    }
  }

  @Test
  fun setByProgression() {
    digits().use { m ->
      m[9 downTo 0] = "abcdefghij".toByteArray()
      assertContentEquals("jihgfedcba".toByteArray(), m.slice(0, 10))
    }
  }

  @Test
  fun containsSearchesTheWholeMapIgnoringThePosition() {
    digits().use { m ->
      m.seek(10)
      assertTrue("234".toByteArray() in m)
      assertFalse("243".toByteArray() in m)
      // In Kotlin the Java member wins for `in`; call the DSL's own declaration by its alias.
      assertTrue(m.containsExtension("89".toByteArray()))
    }
  }

  @Test
  fun indicesAreZeroUntilLength() {
    digits().use { m -> assertEquals(0L..9L, m.indices) }
  }
}
