package io.github.mmap4j.kotlin

import io.github.mmap4j.Mmap
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import org.junit.jupiter.api.Test

/** Line sequences, match sequences and the String helpers, checked through the Java API. */
class MmapLinesAndTextTest {
  private fun mapped(text: String): Mmap =
    anonymousMmap(text.toByteArray().size.toLong()).apply {
      write(text.toByteArray())
      seek(0)
    }

  @Test
  fun linesReadsFromThePositionAndAdvancesIt() {
    mapped("ab\ncd\n\nef").use { m ->
      m.seek(3)
      assertEquals(listOf("cd\n", "\n", "ef"), m.lines().map { it.decodeToString() }.toList())
      assertEquals(9, m.tell())
    }
  }

  @Test
  fun forEachLineVisitsEachLine() {
    mapped("one\ntwo\n").use { m ->
      val seen = mutableListOf<String>()
      m.forEachLine { seen += it.decodeToString() }
      assertEquals(listOf("one\n", "two\n"), seen)
      assertEquals(8, m.tell())
    }
  }

  @Test
  fun findAllGivesNonOverlappingStartsInTheWholeMap() {
    mapped("aaaa one ones").use { m ->
      m.seek(13)
      assertEquals(listOf(0L, 2L), m.findAll("aa".toByteArray()).toList())
      assertEquals(listOf(5L, 9L), m.findAll("one".toByteArray()).toList())
    }
  }

  @Test
  fun findAllRejectsAnEmptyNeedle() {
    mapped("abc").use { m ->
      val thrown = assertFailsWith<IllegalArgumentException> { m.findAll(ByteArray(0)) }
      assertEquals("empty needle", thrown.message)
    }
  }

  @Test
  fun writeStringEncodesUtf8ByDefault() {
    anonymousMmap(4).use { m ->
      assertEquals(2, m.write("é"))
      assertContentEquals(byteArrayOf(0xc3.toByte(), 0xa9.toByte(), 0, 0), m.slice(0, 4))
    }
  }

  @Test
  fun writeStringUsesTheGivenCharset() {
    anonymousMmap(4).use { m ->
      assertEquals(1, m.write("é", Charsets.ISO_8859_1))
      assertEquals(0xe9, m.get(0L))
    }
  }

  @Test
  fun readStringDecodesTheRest() {
    mapped("Grüße").use { m ->
      m.seek(2)
      assertEquals("üße", m.readString())
      m.seek(0)
      assertEquals("GrÃ¼Ã\u009fe", m.readString(Charsets.ISO_8859_1))
    }
  }

  @Test
  fun readLineStringKeepsTheNewline() {
    mapped("héllo\nworld").use { m ->
      assertEquals("héllo\n", m.readLineString())
      assertEquals("world", m.readLineString(Charsets.US_ASCII))
      assertEquals("", m.readLineString())
    }
  }
}
