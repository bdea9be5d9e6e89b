package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.github.mmap4j.Madvise
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * Every difference the fuzzers found, kept as the shrunk action list they printed, each with the
 * bug it exposed. Each runs on mmap4j and on [ReferenceMmap] like a generated case.
 *
 * To add one: copy the failing script's lines into actions here (the Python line is each action's
 * `toString`), name the bug in the Javadoc, and keep the case after the fix.
 */
class Regressions {
  @TempDir lateinit var dir: Path

  /**
   * read() with the position past the end (after a shrinking resize of a file map) leaked the
   * `IndexOutOfBoundsException` of `MemorySegment.copy` instead of returning `b''`.
   */
  @Test
  fun readAfterShrinkingBelowThePositionReturnsNothing() =
    assertAgrees(
      file(fileLength = 2L * PAGE, offset = 0, Access.DEFAULT),
      ReadAllAction,
      ResizeAction(PAGE.toLong()),
      ReadAction(5),
      ReadAllAction,
      ReadAction(0),
    )

  /** The same on a sparse file map just below 2^32, where the fuzzer first met it. */
  @Test
  fun readAfterShrinkingASparseMapBelowThePositionReturnsNothing() =
    assertAgrees(
      sparse(1L shl 32, pages = 2, tail = 5_885, Access.WRITE),
      ReadAllAction,
      ResizeAction(8192),
      ReadAction(Long.MAX_VALUE),
    )

  /**
   * resize(Long.MAX_VALUE) at offset PAGESIZE overflows offset + newsize: CPython says ValueError
   * `new size out of range`, mmap4j said `[Errno 27] File too large`.
   */
  @Test
  fun resizeWhoseEndOverflowsIsOutOfRange() =
    assertAgrees(
      file(fileLength = PAGE + 1L, offset = PAGE.toLong(), Access.DEFAULT),
      ResizeAction(Long.MAX_VALUE),
    )

  /** At offset 0 the same call is the file system's EFBIG, and the file must stay as it was. */
  @Test
  fun resizeBeyondTheFileSystemLimitIsFileTooLarge() =
    assertAgrees(
      file(fileLength = PAGE + 1L, offset = 0, Access.WRITE),
      ResizeAction(Long.MAX_VALUE),
      ReadAllAction,
    )

  /**
   * madvise(MADV_DONTNEED) on an anonymous COPY (MAP_PRIVATE) map must zero the pages, as the
   * kernel does for CPython; mmap4j kept the bytes.
   */
  @Test
  fun dontNeedZeroesAnAnonymousCopyMap() =
    assertAgrees(
      anonymous(4096, Access.COPY),
      SetSliceAction(-4096, -1094, null, ByteArray(3002) { if (it % 2 == 0) 0x30 else -0x72 }),
      MadviseAction(Madvise.DONTNEED, 1, 0, 0),
    )

  /**
   * Not a core bug but the model's: the CPython oracle found that advice on part of a map splits
   * its VMA and CPython then cannot grow it (`[Errno 14] Bad address`, file already extended); the
   * model did not know. Shrunk from the oracle's report (3-page file at offset PAGESIZE).
   */
  @Test
  fun growingAfterAdviceOnPartOfTheMapIsBadAddress() =
    assertAgrees(
      file(fileLength = 3L * PAGE, offset = PAGE.toLong(), Access.DEFAULT),
      MadviseAction(Madvise.SEQUENTIAL, 2, PAGE.toLong(), 0),
      ResizeAction(9574),
      SizeAction,
      MadviseAction(Madvise.NORMAL, 1, 0, 0),
      ResizeAction(9574),
      LengthAction,
    )

  /**
   * Advice over a whole map left a flag run just past its end, which the next growth handed to the
   * new pages instead of the last page's flags: a later growth failed with `[Errno 14] Bad address`
   * although the kernel sees one VMA (CPython 3.11 grows it). Shrunk by kotest.
   */
  @Test
  fun growingTwiceAfterAdviceOnTheWholeMapWorks() =
    assertAgrees(
      file(fileLength = 1, offset = 0, Access.WRITE),
      MadviseAction(Madvise.DONTFORK, 1, 0, 0),
      ResizeAction(7428),
      ResizeAction(10614),
      LengthAction,
    )

  private fun assertAgrees(config: MapConfig, vararg actions: Action) {
    assertNull(ModelCheck(dir).run(Scenario(config, actions.toList())))
  }

  private companion object {
    val PAGE = PageSize.VALUE
    val ARITHMETIC = Content(Content.Style.ARITHMETIC, 7, 3)

    fun anonymous(length: Long, access: Access) =
      MapConfig(Backing.ANONYMOUS, access, 0, 0, 0, length, ARITHMETIC)

    fun file(fileLength: Long, offset: Long, access: Access) =
      MapConfig(Backing.FILE, access, fileLength, 0, offset, 0, ARITHMETIC)

    /** A sparse file of mark + tail bytes, mapped to its end from [pages] pages below [mark]. */
    fun sparse(mark: Long, pages: Int, tail: Int, access: Access): MapConfig {
      val offset = mark - pages.toLong() * PAGE
      return MapConfig(Backing.SPARSE, access, mark + tail, offset, offset, 0, ARITHMETIC)
    }
  }
}
