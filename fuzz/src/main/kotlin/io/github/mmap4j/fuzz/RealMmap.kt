package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.github.mmap4j.Madvise
import io.github.mmap4j.Mmap
import io.github.mmap4j.Whence
import java.nio.ByteBuffer
import java.nio.ByteOrder

/** [MmapLike] over the library under test: every method is one call of [Mmap]. */
class RealMmap(private val m: Mmap) : MmapLike {
  override fun read(): ByteArray = m.read()

  override fun read(n: Long): ByteArray = m.read(n)

  override fun readByte(): Int = m.readByte()

  override fun readLine(): ByteArray = m.readLine()

  override fun write(data: ByteArray): Int = m.write(data)

  override fun writeByte(value: Int) = m.writeByte(value)

  override fun seek(pos: Long): Long = m.seek(pos)

  override fun seek(pos: Long, whence: Whence): Long = m.seek(pos, whence)

  override fun tell(): Long = m.tell()

  override fun seekable(): Boolean = m.seekable()

  override fun length(): Long = m.length()

  override fun get(index: Long): Int = m.get(index)

  override fun set(index: Long, value: Int) = m.set(index, value)

  override fun slice(start: Long, stop: Long): ByteArray = m.slice(start, stop)

  override fun slice(start: Long, stop: Long, step: Long): ByteArray = m.slice(start, stop, step)

  override fun setSlice(start: Long, stop: Long, value: ByteArray) = m.setSlice(start, stop, value)

  override fun setSlice(start: Long, stop: Long, step: Long, value: ByteArray) =
    m.setSlice(start, stop, step, value)

  override fun sliceClosed(first: Long, last: Long, step: Long): ByteArray =
    m.sliceClosed(first, last, step)

  override fun setSliceClosed(first: Long, last: Long, step: Long, value: ByteArray) =
    m.setSliceClosed(first, last, step, value)

  override fun contains(needle: ByteArray): Boolean = m.contains(needle)

  override fun findAllIndices(needle: ByteArray): List<Long> {
    val found = m.findAllIndices(needle)
    return buildList { while (found.hasNext()) add(found.nextLong()) }
  }

  override fun lines(): List<ByteArray> = m.lineIterator().asSequence().toList()

  override fun find(sub: ByteArray): Long = m.find(sub)

  override fun find(sub: ByteArray, start: Long): Long = m.find(sub, start)

  override fun find(sub: ByteArray, start: Long, end: Long): Long = m.find(sub, start, end)

  override fun rfind(sub: ByteArray): Long = m.rfind(sub)

  override fun rfind(sub: ByteArray, start: Long): Long = m.rfind(sub, start)

  override fun rfind(sub: ByteArray, start: Long, end: Long): Long = m.rfind(sub, start, end)

  override fun getByte(index: Long): Byte = m.getByte(index)

  override fun setByte(index: Long, value: Byte) = m.setByte(index, value)

  override fun getWord(word: Word, index: Long, order: ByteOrder?): Long =
    when (word) {
      Word.SHORT -> (if (order == null) m.getShort(index) else m.getShort(index, order)).toLong()
      Word.INT -> (if (order == null) m.getInt(index) else m.getInt(index, order)).toLong()
      Word.LONG -> if (order == null) m.getLong(index) else m.getLong(index, order)
      Word.FLOAT ->
        (if (order == null) m.getFloat(index) else m.getFloat(index, order)).toRawBits().toLong()
      Word.DOUBLE ->
        (if (order == null) m.getDouble(index) else m.getDouble(index, order)).toRawBits()
    }

  override fun setWord(word: Word, index: Long, bits: Long, order: ByteOrder?) =
    when (word) {
      Word.SHORT ->
        bits.toShort().let {
          if (order == null) m.setShort(index, it) else m.setShort(index, it, order)
        }
      Word.INT ->
        bits.toInt().let { if (order == null) m.setInt(index, it) else m.setInt(index, it, order) }
      Word.LONG -> if (order == null) m.setLong(index, bits) else m.setLong(index, bits, order)
      Word.FLOAT ->
        Float.fromBits(bits.toInt()).let {
          if (order == null) m.setFloat(index, it) else m.setFloat(index, it, order)
        }
      Word.DOUBLE ->
        Double.fromBits(bits).let {
          if (order == null) m.setDouble(index, it) else m.setDouble(index, it, order)
        }
    }

  override fun atomic(op: AtomicOp, index: Long, a: Long, b: Long): Any? =
    when (op) {
      AtomicOp.GET_INT_VOLATILE -> m.getIntVolatile(index).toLong()
      AtomicOp.SET_INT_VOLATILE -> m.setIntVolatile(index, a.toInt())
      AtomicOp.COMPARE_AND_SET_INT -> m.compareAndSetInt(index, a.toInt(), b.toInt())
      AtomicOp.GET_AND_ADD_INT -> m.getAndAddInt(index, a.toInt()).toLong()
      AtomicOp.GET_LONG_VOLATILE -> m.getLongVolatile(index)
      AtomicOp.SET_LONG_VOLATILE -> m.setLongVolatile(index, a)
      AtomicOp.GET_LONG_ACQUIRE -> m.getLongAcquire(index)
      AtomicOp.SET_LONG_RELEASE -> m.setLongRelease(index, a)
      AtomicOp.COMPARE_AND_SET_LONG -> m.compareAndSetLong(index, a, b)
      AtomicOp.GET_AND_ADD_LONG -> m.getAndAddLong(index, a)
    }

  override fun readInto(dst: ByteArray, off: Int, len: Int): Int = m.read(dst, off, len)

  override fun getInto(index: Long, dst: ByteArray, off: Int, len: Int) =
    m.get(index, dst, off, len)

  override fun setFrom(index: Long, src: ByteArray, off: Int, len: Int) =
    m.set(index, src, off, len)

  override fun readBuffer(dst: ByteBuffer): Int = m.read(dst)

  override fun writeBuffer(src: ByteBuffer): Int = m.write(src)

  override fun move(dest: Long, src: Long, count: Long) = m.move(dest, src, count)

  override fun flush() = m.flush()

  override fun flush(offset: Long, size: Long) = m.flush(offset, size)

  override fun madvise(option: Madvise) = m.madvise(option)

  override fun madvise(option: Madvise, start: Long) = m.madvise(option, start)

  override fun madvise(option: Madvise, start: Long, length: Long) =
    m.madvise(option, start, length)

  override fun resize(newSize: Long) = m.resize(newSize)

  override fun size(): Long = m.size()

  override fun access(): Access = m.access()

  override fun offset(): Long = m.offset()

  override fun isClosed(): Boolean = m.isClosed()

  override fun close() = m.close()

  override fun toString(): String = m.toString()
}
