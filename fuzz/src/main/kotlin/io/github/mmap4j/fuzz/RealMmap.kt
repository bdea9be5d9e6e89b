package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.github.mmap4j.Madvise
import io.github.mmap4j.Mmap
import io.github.mmap4j.Whence

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
