package io.github.mmap4j.kotlin

import io.github.mmap4j.Mmap
import kotlin.test.assertEquals
import org.junit.jupiter.api.Test

/**
 * `find` and `rfind` for text and single bytes, checked against the Java API's byte-array forms.
 */
class MmapFindTest {
  // "world héllo world\n": é is two bytes in UTF-8, so the second "world" starts at 13.
  private fun mapped(): Mmap =
    anonymousMmap(19).apply {
      write("world héllo world\n".toByteArray())
      seek(0)
    }

  private val newline: Byte = '\n'.code.toByte()

  @Test
  fun findTextSearchesFromThePosition() {
    mapped().use { m ->
      assertEquals(0L, m.find("world"))
      m.seek(1)
      assertEquals(13L, m.find("world"))
      assertEquals(m.find("world".toByteArray()), m.find("world"))
      assertEquals(-1L, m.find("mars"))
    }
  }

  @Test
  fun findTextEncodesWithTheCharset() {
    mapped().use { m ->
      assertEquals(7L, m.find("é"))
      assertEquals(-1L, m.find("é", Charsets.ISO_8859_1)) // 0xE9 alone is not in the map
      assertEquals(0L, m.find("world", Charsets.US_ASCII))
    }
  }

  @Test
  fun rfindTextFindsTheLastFromThePosition() {
    mapped().use { m ->
      assertEquals(13L, m.rfind("world"))
      m.seek(14)
      assertEquals(-1L, m.rfind("world"))
      assertEquals(m.rfind("world".toByteArray()), m.rfind("world"))
    }
  }

  @Test
  fun rfindTextEncodesWithTheCharset() {
    mapped().use { m ->
      assertEquals(7L, m.rfind("é"))
      assertEquals(-1L, m.rfind("é", Charsets.ISO_8859_1))
    }
  }

  @Test
  fun findByteSearchesFromThePosition() {
    mapped().use { m ->
      assertEquals(1L, m.find('o'.code.toByte()))
      m.seek(2)
      assertEquals(11L, m.find('o'.code.toByte()))
      assertEquals(7L, m.find(0xc3.toByte())) // the first byte of é: a negative Byte matches
    }
  }

  @Test
  fun rfindByteFindsTheLast() {
    mapped().use { m ->
      assertEquals(14L, m.rfind('o'.code.toByte()))
      assertEquals(-1L, m.rfind('z'.code.toByte()))
    }
  }

  @Test
  fun findByteStaysInsideItsBounds() {
    mapped().use { m ->
      assertEquals(18L, m.find(newline, 0, 19))
      assertEquals(-1L, m.find(newline, 0, 18))
      assertEquals(11L, m.find('o'.code.toByte(), 2, -1)) // bounds count from the end, as in core
      assertEquals(m.find(byteArrayOf(newline), 5, 19), m.find(newline, 5, 19))
    }
  }

  @Test
  fun rfindByteStaysInsideItsBounds() {
    mapped().use { m ->
      assertEquals(11L, m.rfind('o'.code.toByte(), 0, 14))
      assertEquals(-1L, m.rfind('o'.code.toByte(), 2, 10))
      assertEquals(m.rfind(byteArrayOf(newline), 0, -1), m.rfind(newline, 0, -1))
    }
  }
}
