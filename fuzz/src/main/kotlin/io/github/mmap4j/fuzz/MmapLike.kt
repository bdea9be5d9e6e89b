package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.github.mmap4j.Madvise
import io.github.mmap4j.Whence

/**
 * The operations of `docs/semantics.md` §15.1 (and core's byte access beyond them,
 * [BeyondCPython]), as one surface that both the real [io.github.mmap4j.Mmap] (through [RealMmap])
 * and [ReferenceMmap] implement, so that every [Action] is written once and runs unchanged on both
 * sides.
 */
interface MmapLike : AutoCloseable, BeyondCPython {
  fun read(): ByteArray

  fun read(n: Long): ByteArray

  fun readByte(): Int

  fun readLine(): ByteArray

  fun write(data: ByteArray): Int

  fun writeByte(value: Int)

  fun seek(pos: Long): Long

  fun seek(pos: Long, whence: Whence): Long

  fun tell(): Long

  fun seekable(): Boolean

  fun length(): Long

  fun get(index: Long): Int

  fun set(index: Long, value: Int)

  fun slice(start: Long, stop: Long): ByteArray

  fun slice(start: Long, stop: Long, step: Long): ByteArray

  fun setSlice(start: Long, stop: Long, value: ByteArray)

  fun setSlice(start: Long, stop: Long, step: Long, value: ByteArray)

  /** Addition (docs/semantics.md §15.5): the bytes at a Kotlin closed progression, no clamping. */
  fun sliceClosed(first: Long, last: Long, step: Long): ByteArray

  /** Addition: assignment to the indices of a closed progression. */
  fun setSliceClosed(first: Long, last: Long, step: Long, value: ByteArray)

  /** Addition: [needle] occurs anywhere in the map; empty is always contained. */
  fun contains(needle: ByteArray): Boolean

  /** Addition: `findAllIndices`, iterated to the end. */
  fun findAllIndices(needle: ByteArray): List<Long>

  /** Addition: `lineIterator`, iterated to the end (it advances the position). */
  fun lines(): List<ByteArray>

  fun find(sub: ByteArray): Long

  fun find(sub: ByteArray, start: Long): Long

  fun find(sub: ByteArray, start: Long, end: Long): Long

  fun rfind(sub: ByteArray): Long

  fun rfind(sub: ByteArray, start: Long): Long

  fun rfind(sub: ByteArray, start: Long, end: Long): Long

  fun move(dest: Long, src: Long, count: Long)

  fun flush()

  fun flush(offset: Long, size: Long)

  fun madvise(option: Madvise)

  fun madvise(option: Madvise, start: Long)

  fun madvise(option: Madvise, start: Long, length: Long)

  fun resize(newSize: Long)

  fun size(): Long

  fun access(): Access

  fun offset(): Long

  fun isClosed(): Boolean

  override fun close()
}
