package io.github.mmap4j.fuzz

import io.github.mmap4j.Madvise
import io.github.mmap4j.Whence
import java.math.BigInteger
import kotlin.random.Random

/**
 * Draws the next action from the model's current state: lengths, positions and needles come from
 * the window as it is now, with boundaries (0, 1, len-1, len, len+1, negatives, page multiples ±1,
 * Long.MIN/MAX) drawn on purpose.
 */
class ActionGenerator(private val random: Random, private val pageSize: Int) {
  private val beyond = BeyondCPythonDraws(random, pageSize, ::bytes)

  fun next(model: ReferenceMmap): Action {
    val data = model.content()
    val n = data.size.toLong()
    val pos = model.position()
    val rest = maxOf(n - pos, 0)
    val kinds: List<Pair<Int, () -> Action>> =
      listOf(
        3 to { ReadAllAction },
        6 to { ReadAction(count(rest)) },
        4 to { ReadByteAction },
        4 to { ReadLineAction },
        8 to { WriteAction(bytes(Math.toIntExact(length(rest)))) },
        5 to { WriteByteAction(intOf(0, 1, 255, random.nextInt(256), 256, -1)) },
        8 to { seek(n, pos) },
        2 to { TellAction },
        1 to { SeekableAction },
        2 to { LengthAction },
        6 to { GetAction(index(n)) },
        5 to { SetAction(index(n), intOf(0, 255, random.nextInt(256), 256, -1)) },
        8 to { SliceAction(bound(n), bound(n), step(n)) },
        8 to { setSlice(n) },
        7 to { find(false, data, n) },
        7 to { find(true, data, n) },
        5 to { MoveAction(index(n), index(n), count(n)) },
        4 to { flush(n) },
        4 to { madvise(n) },
        5 to { ResizeAction(newSize(n, pos)) },
        2 to { SizeAction },
        1 to { CloseAction },
        1 to { ClosedAction },
        2 to { ReprAction },
        3 to { closedProgression(n) { first, last, step -> SliceClosedAction(first, last, step) } },
        3 to { setSliceClosed(model, n) },
        2 to { ContainsAction(needle(data).bytes) },
        2 to { FindAllAction(needle(data).bytes) },
        1 to { LinesAction },
      ) + beyond.kinds(model, n, rest)
    var ticket = random.nextInt(kinds.sumOf { it.first })
    for ((weight, make) in kinds) {
      if (ticket < weight) return make()
      ticket -= weight
    }
    error("unreachable")
  }

  private fun seek(n: Long, pos: Long): Action {
    val whence = oneOf(null, Whence.SET, Whence.CUR, Whence.END)
    if (random.nextInt(10) == 0) return SeekAction(longOf(Long.MIN_VALUE, Long.MAX_VALUE), whence)
    val target = longOf(0, 1, n - 1, n, n + 1, -1, pos, random.nextLong(0, n + 1))
    val base =
      when (whence) {
        Whence.CUR -> pos
        Whence.END -> n
        else -> 0
      }
    return SeekAction(target - base, whence)
  }

  private fun setSlice(n: Long): Action {
    val start = bound(n)
    val stop = bound(n)
    val step = step(n)
    val fits = if (step == 0L) 1 else PySlice.indices(start, stop, step ?: 1, n).size
    val size = if (random.nextInt(10) < 7) fits else maxOf(0, intOf(fits - 1, fits + 1, 0))
    return SetSliceAction(start, stop, step, bytes(size))
  }

  private fun find(reverse: Boolean, data: ByteArray, n: Long): Action {
    val needle = needle(data)
    val nearNeedle = needle.at >= 0 && random.nextInt(3) == 0
    val start = if (nearNeedle) aroundOrFromEnd(needle.at.toLong(), n) else bound(n)
    val end =
      if (nearNeedle) aroundOrFromEnd(needle.at.toLong() + needle.bytes.size, n) else bound(n)
    return FindAction(reverse, needle.bytes, random.nextInt(1, 4), start, end)
  }

  /** [at] - 1, [at] or [at] + 1, sometimes written from the end (negative), as find takes it. */
  private fun aroundOrFromEnd(at: Long, n: Long): Long {
    val near = at + random.nextInt(-1, 2)
    return if (random.nextInt(4) == 0) near - n else near
  }

  /** Bytes to search for, and where in the window they were cut from (-1 if they were not). */
  private class Needle(val bytes: ByteArray, val at: Int = -1)

  /**
   * Empty, absent, cut from the current content (short, or up to [LONG_NEEDLE] bytes, sometimes
   * with one byte changed near the end: a near miss), or a short unit of the content repeated. Long
   * near misses over repetitive content are what make a filtering search verify candidate after
   * candidate and fall back to its linear-time algorithm.
   */
  private fun needle(data: ByteArray): Needle =
    when (random.nextInt(20)) {
      0,
      1 -> Needle(ByteArray(0))
      2,
      3 -> Needle(bytes(random.nextInt(1, 4)))
      4 -> Needle(data.copyOf(minOf(data.size, 3)) + 0x7f.toByte())
      in 5..10 -> cut(data, random.nextInt(1, 5))
      in 11..14 -> cut(data, random.nextInt(5, LONG_NEEDLE + 1))
      in 15..16 -> nearMiss(cut(data, random.nextInt(2, LONG_NEEDLE + 1)))
      else -> repeated(data)
    }

  private fun cut(data: ByteArray, length: Int): Needle {
    val at = random.nextInt(data.size)
    return Needle(data.copyOfRange(at, minOf(data.size, at + length)), at)
  }

  /** The needle with one of its last four bytes changed. */
  private fun nearMiss(needle: Needle): Needle {
    val bytes = needle.bytes.copyOf()
    val i = maxOf(0, bytes.size - 1 - random.nextInt(4))
    bytes[i] = (bytes[i] + random.nextInt(1, 256)).toByte()
    return Needle(bytes, needle.at)
  }

  /**
   * A unit of 1–3 bytes of the content repeated to up to [LONG_NEEDLE] bytes, maybe a near miss.
   */
  private fun repeated(data: ByteArray): Needle {
    val unit = cut(data, random.nextInt(1, 4)).bytes
    val length = random.nextInt(2, LONG_NEEDLE + 1)
    val needle = Needle(ByteArray(length) { unit[it % unit.size] })
    return if (random.nextBoolean()) nearMiss(needle) else needle
  }

  /**
   * A Kotlin progression over the map as Kotlin gives it (`last` is the last element visited, which
   * is what the API asks for), mostly valid, sometimes reaching outside the map.
   */
  private fun <T> closedProgression(n: Long, make: (Long, Long, Long) -> T): T {
    val step = longOf(1, 1, 2, 3, -1, -2, 0, n, Long.MAX_VALUE, Long.MIN_VALUE)
    val a = longOf(0, 1, n - 1, n, -1) { random.nextLong(0, n) }
    val b = longOf(0, 1, n - 1, n, -1, Long.MAX_VALUE) { random.nextLong(0, n) }
    val (first, last) = if (step > 0) minOf(a, b) to maxOf(a, b) else maxOf(a, b) to minOf(a, b)
    if (step == 0L) return make(first, last, step)
    // Kotlin's getProgressionLastElement, in BigInteger to stay clear of overflow.
    val big = BigInteger::valueOf
    return make(
      first,
      (big(first) + (big(last) - big(first)) / big(step) * big(step)).toLong(),
      step,
    )
  }

  private fun setSliceClosed(model: ReferenceMmap, n: Long): Action =
    closedProgression(n) { first, last, step ->
      // The model's own answer is the right size (1 where it raises: any size gets the error).
      val fits = runCatching { model.sliceClosed(first, last, step).size }.getOrDefault(1)
      val size = if (random.nextInt(10) < 7) fits else maxOf(0, intOf(fits - 1, fits + 1, 0))
      SetSliceClosedAction(first, last, step, bytes(size))
    }

  private fun flush(n: Long): Action {
    if (random.nextInt(4) == 0) return FlushAction(null, 0)
    val offset = longOf(0, 0, pageSize.toLong(), 2L * pageSize, 1, pageSize + 1L, n, -1)
    return FlushAction(offset, longOf(0, 1, n - offset, n - offset + 1, n, -1))
  }

  private fun madvise(n: Long): Action {
    val option = oneOf(Madvise.DONTNEED, Madvise.DONTNEED, Madvise.DONTNEED, *SAFE_ADVICE)
    val p = pageSize.toLong()
    val start = longOf(0, 0, p, 2 * p, 1, p - 1, n, n - 1, -1)
    val length = longOf(0, 1, p, n, n - start, n + p, -1, Long.MAX_VALUE)
    return MadviseAction(option, random.nextInt(1, 4), start, length)
  }

  private fun newSize(n: Long, pos: Long): Long {
    val p = pageSize.toLong()
    return longOf(n - 1, n + 1, n / 2, 1, p, 2 * p, 3 * p + 1, pos - 1, 0, -1, Long.MAX_VALUE) {
      random.nextLong(1, 3 * p + 2)
    }
  }

  /** An index for m[i], move and friends. */
  private fun index(n: Long): Long =
    longOf(0, 1, n - 1, n, n + 1, -1, -n, -n - 1, Long.MIN_VALUE, Long.MAX_VALUE, pageSize - 1L) {
      random.nextLong(-n - 2, n + 3)
    }

  /** A slice or find bound: like [index], plus the huge values Python clamps. */
  private fun bound(n: Long): Long =
    if (random.nextInt(6) == 0) longOf(Long.MIN_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE)
    else index(n)

  private fun step(n: Long): Long? =
    if (random.nextInt(3) == 0) null
    else longOf(1, 2, 3, -1, -2, -3, 0, n, Long.MAX_VALUE, Long.MIN_VALUE, -Long.MAX_VALUE)

  /** A byte count for read(n) or move: around [rest], negative or huge. */
  private fun count(rest: Long): Long =
    longOf(0, 1, rest - 1, rest, rest + 1, -1, Long.MAX_VALUE, pageSize.toLong()) {
      random.nextLong(0, rest + 3)
    }

  /** A data length for write: around [rest], never negative. */
  private fun length(rest: Long): Long =
    maxOf(0, longOf(0, 1, rest - 1, rest, rest + 1) { random.nextLong(0, minOf(rest + 3, 40)) })

  /**
   * Short data is random, half the time rich in newlines (for readline); long data repeats a 1–3
   * byte unit, so it prints as `b'xy' * 900`.
   */
  private fun bytes(count: Int): ByteArray {
    if (count <= 24 && random.nextBoolean()) {
      val alphabet = if (random.nextBoolean()) ALPHABET else LINES
      return ByteArray(count) { alphabet[random.nextInt(alphabet.size)] }
    }
    val unit = ByteArray(random.nextInt(1, 4)) { random.nextInt(256).toByte() }
    return ByteArray(count) { unit[it % unit.size] }
  }

  private fun <T> oneOf(vararg choices: T): T = choices[random.nextInt(choices.size)]

  /** One of [fixed], or about half of the time [free] if given. */
  private fun longOf(vararg fixed: Long, free: (() -> Long)? = null): Long =
    if (free != null && random.nextBoolean()) free() else fixed[random.nextInt(fixed.size)]

  private fun intOf(vararg fixed: Int): Int = fixed[random.nextInt(fixed.size)]

  private companion object {
    /** Advice whose effect the model knows: no effect on content, everywhere. */
    val SAFE_ADVICE =
      arrayOf(
        Madvise.NORMAL,
        Madvise.RANDOM,
        Madvise.SEQUENTIAL,
        Madvise.WILLNEED,
        Madvise.DONTFORK,
        Madvise.DOFORK,
        Madvise.MERGEABLE,
        Madvise.UNMERGEABLE,
        Madvise.HUGEPAGE,
        Madvise.NOHUGEPAGE,
        Madvise.DONTDUMP,
        Madvise.DODUMP,
      )

    val ALPHABET = "ab\n\u0000'\"\\z".toByteArray() + byteArrayOf(0x7f, -1, -128)

    /** Mostly newlines: lines of zero to a few bytes. */
    val LINES = "\n\n\nab".toByteArray()

    /**
     * The longest needle drawn: long enough to outlast a filtering search's verification budget.
     */
    const val LONG_NEEDLE = 80
  }
}
