package io.github.mmap4j.fuzz

import java.nio.ByteBuffer
import java.nio.ByteOrder

/**
 * Core's byte access beyond CPython's `mmap`: signed bytes, typed words in either byte order, bulk
 * copies into and out of arrays and buffers, and atomic words. [RealMmap] calls the matching
 * [io.github.mmap4j.Mmap] method; [ModelWords] follows its Javadoc. A few generic methods stand for
 * the many overloads, so that the actions stay one class per kind of call.
 */
interface BeyondCPython {
  /** `getByte(index)`. */
  fun getByte(index: Long): Byte

  /** `setByte(index, value)`. */
  fun setByte(index: Long, value: Byte)

  /**
   * `getShort/getInt/getLong/getFloat/getDouble(index[, order])`, the one-argument overload where
   * [order] is null; the value as raw bits, sign-extended (floats through `floatToRawIntBits`).
   */
  fun getWord(word: Word, index: Long, order: ByteOrder?): Long

  /** `setShort/…/setDouble(index, value[, order])` with the value given as raw [bits]. */
  fun setWord(word: Word, index: Long, bits: Long, order: ByteOrder?)

  /** One of the atomic calls ([AtomicOp]); [a] and [b] are its value arguments, as raw bits. */
  fun atomic(op: AtomicOp, index: Long, a: Long, b: Long): Any?

  /** `read(dst, off, len)`. */
  fun readInto(dst: ByteArray, off: Int, len: Int): Int

  /** `get(index, dst, off, len)`. */
  fun getInto(index: Long, dst: ByteArray, off: Int, len: Int)

  /** `set(index, src, off, len)`. */
  fun setFrom(index: Long, src: ByteArray, off: Int, len: Int)

  /** `read(ByteBuffer)`. */
  fun readBuffer(dst: ByteBuffer): Int

  /** `write(ByteBuffer)`. */
  fun writeBuffer(src: ByteBuffer): Int
}

/** The typed words: their size and their `struct` format character. */
enum class Word(val size: Int, val format: Char) {
  SHORT(2, 'h'),
  INT(4, 'i'),
  LONG(8, 'q'),
  FLOAT(4, 'f'),
  DOUBLE(8, 'd');

  /** Whether the value is a float or double (compared as raw bits, NaN payloads included). */
  val floating: Boolean
    get() = this == FLOAT || this == DOUBLE

  /** [bits] sign-extended from this word's width, as the getters return them. */
  fun normalize(bits: Long): Long =
    when (size) {
      2 -> bits.toShort().toLong()
      4 -> bits.toInt().toLong()
      else -> bits
    }

  /** How a value of this word prints (and how the CPython oracle prints it): floats as bits. */
  fun show(bits: Long): String =
    when (this) {
      FLOAT -> "f32 0x%08x".format(bits.toInt())
      DOUBLE -> "f64 0x%016x".format(bits)
      else -> normalize(bits).toString()
    }
}

/** The atomic calls of core, in native byte order on aligned indices. */
enum class AtomicOp(val word: Word, val writes: Boolean, val python: String) {
  GET_INT_VOLATILE(Word.INT, false, "get_volatile"),
  SET_INT_VOLATILE(Word.INT, true, "set_volatile"),
  COMPARE_AND_SET_INT(Word.INT, true, "compare_and_set"),
  GET_AND_ADD_INT(Word.INT, true, "get_and_add"),
  GET_LONG_VOLATILE(Word.LONG, false, "get_volatile"),
  SET_LONG_VOLATILE(Word.LONG, true, "set_volatile"),
  GET_LONG_ACQUIRE(Word.LONG, false, "get_acquire"),
  SET_LONG_RELEASE(Word.LONG, true, "set_release"),
  COMPARE_AND_SET_LONG(Word.LONG, true, "compare_and_set"),
  GET_AND_ADD_LONG(Word.LONG, true, "get_and_add");

  /** How many value arguments the call takes (expected and new value for compare-and-set). */
  val arguments: Int
    get() =
      when (this) {
        GET_INT_VOLATILE,
        GET_LONG_VOLATILE,
        GET_LONG_ACQUIRE -> 0
        COMPARE_AND_SET_INT,
        COMPARE_AND_SET_LONG -> 2
        else -> 1
      }
}
