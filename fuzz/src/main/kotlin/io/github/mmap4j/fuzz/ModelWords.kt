package io.github.mmap4j.fuzz

import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.ReadOnlyBufferException
import java.util.Objects

/**
 * The model of [BeyondCPython], written from core's Javadoc of these methods (`Mmap.getInt`,
 * `Mmap.read(ByteBuffer)`, `Mmap.getAndAddInt`, …), over the window of a [ReferenceMmap]. The
 * checks run in the Javadoc's order: closed, read-only (for writes), the caller's array or buffer,
 * the index, the alignment. Words are assembled byte by byte, so nothing here shares code with core
 * or with `java.nio`'s views.
 */
class ModelWords(private val window: Window) : BeyondCPython {
  /** What [ModelWords] needs of the model: its bytes, position and checks. */
  interface Window {
    val size: Long
    var pos: Long

    fun byteAt(index: Long): Byte

    fun store(index: Long, value: Byte)

    /** The unsigned byte at [index] as `m[index]` reads it (negatives from the end, checked). */
    fun get(index: Long): Int

    /** `m[index] = value` with all its checks. */
    fun set(index: Long, value: Int)

    fun checkOpen()

    fun checkWritable()
  }

  override fun getByte(index: Long): Byte = window.get(index).toByte()

  override fun setByte(index: Long, value: Byte) = window.set(index, value.toInt() and 0xff)

  override fun getWord(word: Word, index: Long, order: ByteOrder?): Long {
    window.checkOpen()
    return load(wordIndex(index, word.size), word, order ?: ByteOrder.LITTLE_ENDIAN)
  }

  override fun setWord(word: Word, index: Long, bits: Long, order: ByteOrder?) {
    window.checkOpen()
    window.checkWritable()
    save(wordIndex(index, word.size), word, bits, order ?: ByteOrder.LITTLE_ENDIAN)
  }

  override fun atomic(op: AtomicOp, index: Long, a: Long, b: Long): Any? {
    window.checkOpen()
    if (op.writes) window.checkWritable()
    val size = op.word.size
    val at = wordIndex(index, size)
    if (at % size != 0L) {
      throw IllegalArgumentException(
        "index $index is not aligned: atomic access needs a multiple of $size"
      )
    }
    val order = ByteOrder.nativeOrder()
    val old = load(at, op.word, order)
    val result: Any? =
      when (op) {
        AtomicOp.GET_INT_VOLATILE,
        AtomicOp.GET_LONG_VOLATILE,
        AtomicOp.GET_LONG_ACQUIRE -> old
        AtomicOp.SET_INT_VOLATILE,
        AtomicOp.SET_LONG_VOLATILE,
        AtomicOp.SET_LONG_RELEASE -> save(at, op.word, a, order)
        AtomicOp.COMPARE_AND_SET_INT,
        AtomicOp.COMPARE_AND_SET_LONG ->
          (old == op.word.normalize(a)).also { if (it) save(at, op.word, b, order) }
        AtomicOp.GET_AND_ADD_INT,
        AtomicOp.GET_AND_ADD_LONG -> old.also { save(at, op.word, old + a, order) }
      }
    return result
  }

  override fun readInto(dst: ByteArray, off: Int, len: Int): Int {
    window.checkOpen()
    Objects.checkFromIndexSize(off, len, dst.size)
    val count = readable(len)
    for (i in 0 until count) dst[off + i] = window.byteAt(window.pos + i)
    if (count > 0) window.pos += count
    return count
  }

  override fun getInto(index: Long, dst: ByteArray, off: Int, len: Int) {
    window.checkOpen()
    Objects.checkFromIndexSize(off, len, dst.size)
    val at = wordIndex(index, len)
    for (i in 0 until len) dst[off + i] = window.byteAt(at + i)
  }

  override fun setFrom(index: Long, src: ByteArray, off: Int, len: Int) {
    window.checkOpen()
    window.checkWritable()
    Objects.checkFromIndexSize(off, len, src.size)
    val at = wordIndex(index, len)
    for (i in 0 until len) window.store(at + i, src[off + i])
  }

  override fun readBuffer(dst: ByteBuffer): Int {
    window.checkOpen()
    if (dst.isReadOnly) throw ReadOnlyBufferException()
    val count = readable(dst.remaining())
    for (i in 0 until count) dst.put(window.byteAt(window.pos + i))
    if (count > 0) window.pos += count
    return count
  }

  override fun writeBuffer(src: ByteBuffer): Int {
    window.checkOpen()
    window.checkWritable()
    val count = src.remaining()
    val pos = window.pos
    if (pos > window.size || window.size - pos < count) {
      throw IndexOutOfBoundsException("data out of range")
    }
    for (i in 0 until count) window.store(pos + i, src.get())
    window.pos = pos + count
    return count
  }

  /** How many of [len] bytes a read at the position gets: 0 if none asked, -1 at the end. */
  private fun readable(len: Int): Int {
    if (len == 0) return 0
    val remaining = window.size - window.pos
    return if (remaining <= 0) -1 else minOf(len.toLong(), remaining).toInt()
  }

  /** [size] bytes from [index] must lie in the map; negative indices do not count from the end. */
  private fun wordIndex(index: Long, size: Int): Long {
    if (index < 0 || index > window.size - size) {
      throw IndexOutOfBoundsException("mmap index out of range")
    }
    return index
  }

  private fun load(at: Long, word: Word, order: ByteOrder): Long {
    var bits = 0L
    for (k in 0 until word.size) {
      val significance = if (order == ByteOrder.LITTLE_ENDIAN) k else word.size - 1 - k
      bits = bits or ((window.byteAt(at + k).toLong() and 0xff) shl (8 * significance))
    }
    return word.normalize(bits)
  }

  private fun save(at: Long, word: Word, bits: Long, order: ByteOrder) {
    for (k in 0 until word.size) {
      val significance = if (order == ByteOrder.LITTLE_ENDIAN) k else word.size - 1 - k
      window.store(at + k, (bits ushr (8 * significance)).toByte())
    }
  }
}
