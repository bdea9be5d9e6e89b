package io.github.mmap4j.kotlin

import io.github.mmap4j.Access
import io.github.mmap4j.Mmap
import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption.READ
import java.nio.file.StandardOpenOption.WRITE
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertSame
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The openers and `mmap { }` blocks, checked through the Java API. */
class MmapOpenersTest {
  @TempDir lateinit var dir: Path

  private fun file(content: String): Path = Files.writeString(dir.resolve("myfile.txt"), content)

  @Test
  fun tutorialWriteExampleReachesTheFile() {
    val path = file(".".repeat(40))
    path.mmap(Access.WRITE, length = 40) { m ->
      assertEquals(13, m.write("Hello, world!"))
      m[13..<28] = "Goodbye, world!".toByteArray()
    }
    assertEquals("Hello, world!Goodbye, world!" + ".".repeat(12), Files.readString(path))
  }

  @Test
  fun pathMmapDefaultsToReadWholeFileOffsetZero() {
    Path.of(file("0123456789").toString()).mmap().use { m ->
      assertEquals(Access.READ, m.access())
      assertEquals(10, m.length())
      assertEquals(0, m.offset())
    }
  }

  @Test
  fun pathMmapPassesLengthAccessAndOffset() {
    val path = file("x".repeat(Mmap.PAGESIZE) + "tail")
    path.mmap(Access.COPY, length = 3, offset = Mmap.PAGESIZE.toLong()).use { m ->
      assertEquals(Access.COPY, m.access())
      assertContentEquals("tai".toByteArray(), m.read())
    }
  }

  @Test
  fun pathBlockReturnsTheBlockResultAndCloses() {
    var seen: Mmap? = null
    val head =
      file("Hello, world!").mmap { m ->
        seen = m
        m.read(5)
      }
    assertContentEquals("Hello".toByteArray(), head)
    assertTrue(seen!!.isClosed)
  }

  @Test
  fun pathBlockClosesAndRethrowsWhenTheBlockThrows() {
    var seen: Mmap? = null
    val thrown =
      assertFailsWith<IllegalStateException> {
        file("Hello").mmap { m ->
          seen = m
          throw IllegalStateException("boom")
        }
      }
    assertEquals("boom", thrown.message)
    assertTrue(seen!!.isClosed)
  }

  @Test
  fun fileMmapOpensLikePath() {
    file("0123456789").toFile().mmap(length = 4).use { m ->
      assertEquals(Access.READ, m.access())
      assertContentEquals("0123".toByteArray(), m.read())
    }
  }

  @Test
  fun fileBlockClosesAndRethrowsWhenTheBlockThrows() {
    var seen: Mmap? = null
    val thrown =
      assertFailsWith<IndexOutOfBoundsException> {
        file("abc").toFile().mmap { m ->
          seen = m
          m.get(3L)
        }
      }
    assertEquals("mmap index out of range (index 3, length 3)", thrown.message)
    assertTrue(seen!!.isClosed)
  }

  @Test
  fun fileBlockWritesWithWriteAccess() {
    val path = file("abc")
    path.toFile().mmap(Access.WRITE) { m -> m[0] = 'X'.code }
    assertEquals("Xbc", Files.readString(path))
  }

  @Test
  fun fileChannelMmapDefaultsToDefaultAccessAndBorrowsTheChannel() {
    val path = file("abc")
    FileChannel.open(path, READ, WRITE).use { channel ->
      channel.mmap().use { m ->
        assertEquals(Access.DEFAULT, m.access())
        m[2] = 'Z'.code
      }
      assertTrue(channel.isOpen)
    }
    assertEquals("abZ", Files.readString(path))
  }

  @Test
  fun fileChannelMmapPassesLengthAccessAndOffset() {
    val path = file("x".repeat(Mmap.PAGESIZE) + "tail")
    FileChannel.open(path, READ).use { channel ->
      channel.mmap(2, Access.READ, Mmap.PAGESIZE.toLong()).use { m ->
        assertEquals(Mmap.PAGESIZE.toLong(), m.offset())
        assertContentEquals("ta".toByteArray(), m.read())
      }
    }
  }

  @Test
  fun anonymousMmapIsZeroFilledWithDefaultAccess() {
    anonymousMmap(8).use { m ->
      assertEquals(Access.DEFAULT, m.access())
      assertContentEquals(ByteArray(8), m.read())
    }
  }

  @Test
  fun anonymousMmapPassesAccess() {
    anonymousMmap(8, Access.READ).use { m ->
      val thrown = assertFailsWith<UnsupportedOperationException> { m[0] = 1 }
      assertEquals("mmap can't modify a readonly memory map.", thrown.message)
      assertSame(Access.READ, m.access())
    }
  }
}
