package io.github.mmap4j.fuzz

import java.nio.ByteOrder
import kotlin.random.Random

/**
 * Draws the [BeyondCPythonAction]s for [ActionGenerator]: typed words at any alignment, near the
 * end of the map and outside it, with the values whose bytes tell orders and widths apart (and
 * float NaNs with payloads, signalling ones included); bulk copies with arrays and buffers whose
 * offsets, lengths, positions and limits mostly fit and sometimes do not; atomic words mostly
 * aligned, with compare-and-set often expecting the value that is there.
 */
class BeyondCPythonDraws(
  private val random: Random,
  private val pageSize: Int,
  private val bytes: (Int) -> ByteArray,
) {
  /**
   * The weighted kinds of action, for the current window of [n] bytes and [rest] after `tell()`.
   */
  fun kinds(model: ReferenceMmap, n: Long, rest: Long): List<Pair<Int, () -> Action>> =
    listOf(
      6 to { word().let { GetWordAction(it, wordIndex(n, it.size), order()) } },
      6 to { word().let { SetWordAction(it, wordIndex(n, it.size), value(it), order()) } },
      1 to { GetByteAction(byteIndex(n)) },
      1 to { SetByteAction(byteIndex(n), value(Word.SHORT).toByte()) },
      2 to { span(rest).let { (size, off, len) -> ReadIntoAction(size, off, len) } },
      2 to { span(n).let { (size, off, len) -> GetIntoAction(wordIndex(n, len), size, off, len) } },
      2 to
        {
          span(n).let { (size, off, len) ->
            SetFromAction(wordIndex(n, len), bytes(size), off, len)
          }
        },
      2 to { ReadBufferAction(buffer(rest, filled = true)) },
      2 to { WriteBufferAction(buffer(rest, filled = false)) },
      3 to { atomic(model, n) },
    )

  private fun word(): Word = Word.entries[random.nextInt(Word.entries.size)]

  private fun order(): ByteOrder? = oneOf(null, ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)

  /** A first index for [size] bytes: inside at any alignment, at the last fit, or just outside. */
  private fun wordIndex(n: Long, size: Int): Long =
    if (random.nextBoolean()) random.nextLong(0, maxOf(1, n - size + 1))
    else
      longOf(0, 1, n - size, n - size + 1, n - 1, n, -1, -size.toLong(), pageSize - 1L).let {
        if (random.nextInt(8) == 0) oneOf(Long.MIN_VALUE, Long.MAX_VALUE) else it
      }

  /** getByte/setByte count negative indices from the end, as `m[i]` does. */
  private fun byteIndex(n: Long): Long =
    if (random.nextBoolean()) random.nextLong(-n, n)
    else longOf(0, n - 1, n, -1, -n, -n - 1, Long.MIN_VALUE, Long.MAX_VALUE)

  /** A value's raw bits: the width's extremes, byte-order-revealing patterns, NaNs, random. */
  private fun value(word: Word): Long =
    word.normalize(
      when (word) {
        Word.FLOAT -> if (random.nextInt(4) == 0) random.nextInt().toLong() else oneOf(*FLOAT_BITS)
        Word.DOUBLE -> if (random.nextInt(4) == 0) random.nextLong() else oneOf(*DOUBLE_BITS)
        else -> if (random.nextBoolean()) random.nextLong() else oneOf(*INTEGER_BITS)
      }
    )

  /**
   * An array size, offset and length: mostly a length that fits the array and is about [around]
   * (the bytes left to read, or the map's length), sometimes a range outside the array.
   */
  private fun span(around: Long): Triple<Int, Int, Int> {
    val len = minOf(LONGEST, maxOf(0, longOf(0, 1, around - 1, around, around + 1))).toInt()
    val off = random.nextInt(0, 4)
    val size = off + len + random.nextInt(0, 4)
    if (random.nextInt(6) != 0) return Triple(size, off, len)
    return oneOf(
      Triple(size, -1, len),
      Triple(size, off, -1),
      Triple(size, size - len + 1, len),
      Triple(size, off, size - off + 1),
      Triple(size, off, Int.MAX_VALUE),
    )
  }

  /**
   * A heap or direct buffer, now and then read-only, its remaining bytes about [rest]. For a read
   * it holds the filler bytes (so what the read left alone shows); for a write, data.
   */
  private fun buffer(rest: Long, filled: Boolean): BufferSpec {
    val remaining = minOf(LONGEST, maxOf(0, longOf(0, 1, rest - 1, rest, rest + 1))).toInt()
    val position = random.nextInt(0, 4)
    val capacity = position + remaining + random.nextInt(0, 4)
    val content = if (filled) filler(capacity) else bytes(capacity)
    return BufferSpec(
      content,
      position,
      position + remaining,
      random.nextBoolean(),
      random.nextInt(8) == 0,
    )
  }

  private fun atomic(model: ReferenceMmap, n: Long): Action {
    val op = AtomicOp.entries[random.nextInt(AtomicOp.entries.size)]
    val size = op.word.size
    val index =
      when (random.nextInt(4)) {
        0 -> wordIndex(n, size) // any alignment: misaligned ones must fail
        else -> random.nextLong(0, maxOf(1, (n - size) / size + 1)) * size
      }
    val there = runCatching { model.getWord(op.word, index, ByteOrder.nativeOrder()) }
    val a =
      if (op.arguments == 2 && random.nextBoolean()) there.getOrDefault(0L) else value(op.word)
    return AtomicAction(op, index, a, value(op.word))
  }

  private fun <T> oneOf(vararg choices: T): T = choices[random.nextInt(choices.size)]

  private fun oneOf(vararg choices: Long): Long = choices[random.nextInt(choices.size)]

  private fun longOf(vararg fixed: Long): Long =
    if (random.nextBoolean()) random.nextLong(0, LONGEST + 1L)
    else fixed[random.nextInt(fixed.size)]

  private companion object {
    /** The longest array or buffer range drawn (longer ones show nothing new). */
    const val LONGEST = 40L

    val INTEGER_BITS =
      longArrayOf(0, 1, -1, 0x7f, 0x80, 0x7fff, -0x8000, Int.MAX_VALUE.toLong(), 0x0102030405060708)
        .plus(longArrayOf(Int.MIN_VALUE.toLong(), Long.MAX_VALUE, Long.MIN_VALUE))

    /** 0, -0, 1, ±inf, the quiet NaN, NaNs with payloads, a signalling NaN, a subnormal. */
    val FLOAT_BITS =
      longArrayOf(
        0,
        0x80000000,
        0x3f800000,
        0x7f800000,
        0xff800000,
        0x7fc00000,
        0x7fc00001,
        0xffc12345,
        0x7f800001,
        0x7fa00000,
        0xffffffff,
        1,
      )

    val DOUBLE_BITS =
      longArrayOf(
        0,
        Long.MIN_VALUE,
        0x3ff0000000000000,
        0x7ff0000000000000,
        -0x10000000000000, // -inf
        0x7ff8000000000000,
        0x7ff8000000000001,
        0x7ff0000000000001,
        0x7ff4000000000000,
        -1,
        1,
        0x0102030405060708,
      )
  }
}
