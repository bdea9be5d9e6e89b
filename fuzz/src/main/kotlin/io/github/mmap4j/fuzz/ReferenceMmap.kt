package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.github.mmap4j.Madvise
import io.github.mmap4j.Whence
import java.io.IOException
import java.math.BigInteger
import java.nio.ByteBuffer
import java.nio.ByteOrder

/**
 * An in-memory model of one CPython `mmap` object: the state of `docs/semantics.md` §1 and the
 * rules of its §4–§6 and §14, written from that document alone (never from core), with the
 * exceptions of its §15.3.
 *
 * [data] is the mapped window. Shared maps (every access but COPY) write each byte through to
 * [file] as well, so the two never disagree; COPY maps and anonymous maps keep their edits here.
 */
class ReferenceMmap
private constructor(
  private val access: Access,
  private val offset: Long,
  private val file: FileImage?,
  private var data: ByteArray,
  private val pageSize: Int,
) : MmapLike {
  private var pos = 0L
  private var closed = false

  /** The kernel's VMA flags that madvise sets, per page of the map (see [resize]). */
  private var vmaFlags: List<Set<VmaFlag>> = List(pages(data.size.toLong())) { emptySet() }

  private val size: Long
    get() = data.size.toLong()

  private val shared: Boolean
    get() = access != Access.COPY

  /** Core's additions beyond CPython, modelled from core's Javadoc over this window. */
  private val words = ModelWords(WordWindow())

  /** The window's bytes right now (for comparisons; the model's own state, no checks). */
  fun content(): ByteArray = data.copyOf()

  /** The position, with no closed check (the generator draws arguments from it). */
  fun position(): Long = pos

  /** The file's image (null for anonymous maps). */
  fun file(): FileImage? = file

  override fun read(): ByteArray = read(-1)

  override fun read(n: Long): ByteArray {
    checkOpen()
    val remaining = maxOf(size - pos, 0)
    val count = if (n < 0 || n > remaining) remaining else n
    return take(count)
  }

  override fun readByte(): Int {
    checkOpen()
    if (pos >= size) throw IndexOutOfBoundsException("read byte out of range")
    return take(1)[0].toInt() and 0xff
  }

  override fun readLine(): ByteArray {
    checkOpen()
    var end = pos
    while (end < size && data[end.toInt()] != '\n'.code.toByte()) end++
    if (end < size) end++ // the newline belongs to the line
    return take(maxOf(end - pos, 0))
  }

  override fun write(data: ByteArray): Int {
    checkOpen()
    checkWritable()
    if (pos > size || size - pos < data.size) throw IndexOutOfBoundsException("data out of range")
    for (b in data) store(pos++, b)
    return data.size
  }

  override fun writeByte(value: Int) {
    checkOpen()
    // CPython converts the argument ("b" format) before it looks at the access mode.
    if (value > 255) throw IllegalArgumentException("unsigned byte integer is greater than maximum")
    if (value < 0) throw IllegalArgumentException("unsigned byte integer is less than minimum")
    checkWritable()
    if (pos >= size) throw IndexOutOfBoundsException("write byte out of range")
    store(pos++, value.toByte())
  }

  override fun seek(pos: Long): Long = seek(pos, Whence.SET)

  override fun seek(pos: Long, whence: Whence): Long {
    checkOpen()
    val base =
      when (whence) {
        Whence.SET -> 0
        Whence.CUR -> this.pos
        Whence.END -> size
      }
    // mmap_seek_method treats an overflowing sum as out of range too.
    val target =
      try {
        Math.addExact(base, pos)
      } catch (_: ArithmeticException) {
        throw IndexOutOfBoundsException("seek out of range")
      }
    if (target < 0 || target > size) throw IndexOutOfBoundsException("seek out of range")
    this.pos = target
    return target
  }

  override fun tell(): Long {
    checkOpen()
    return pos
  }

  override fun seekable(): Boolean = true

  override fun length(): Long {
    checkOpen()
    return size
  }

  override fun get(index: Long): Int {
    checkOpen()
    return data[checkIndex(index).toInt()].toInt() and 0xff
  }

  override fun set(index: Long, value: Int) {
    checkOpen()
    checkWritable()
    val i = checkIndex(index)
    if (value !in 0..255) throw IllegalArgumentException("mmap item value must be in range(0, 256)")
    store(i, value.toByte())
  }

  override fun slice(start: Long, stop: Long): ByteArray = slice(start, stop, 1)

  override fun slice(start: Long, stop: Long, step: Long): ByteArray {
    checkOpen()
    val indices = PySlice.indices(start, stop, step, size)
    return ByteArray(indices.size) { data[indices[it].toInt()] }
  }

  override fun setSlice(start: Long, stop: Long, value: ByteArray) = setSlice(start, stop, 1, value)

  override fun setSlice(start: Long, stop: Long, step: Long, value: ByteArray) {
    checkOpen()
    checkWritable()
    val indices = PySlice.indices(start, stop, step, size)
    if (indices.size != value.size) {
      throw IllegalArgumentException("mmap slice assignment is wrong size")
    }
    indices.forEachIndexed { i, at -> store(at, value[i]) }
  }

  override fun sliceClosed(first: Long, last: Long, step: Long): ByteArray {
    checkOpen()
    val indices = closedIndices(first, last, step)
    return ByteArray(indices.size) { data[indices[it].toInt()] }
  }

  override fun setSliceClosed(first: Long, last: Long, step: Long, value: ByteArray) {
    checkOpen()
    checkWritable()
    val indices = closedIndices(first, last, step)
    if (indices.size != value.size) {
      throw IllegalArgumentException("mmap slice assignment is wrong size")
    }
    indices.forEachIndexed { i, at -> store(at, value[i]) }
  }

  override fun contains(needle: ByteArray): Boolean = find(needle, 0, size) >= 0

  override fun findAllIndices(needle: ByteArray): List<Long> {
    checkOpen()
    if (needle.isEmpty()) throw IllegalArgumentException("empty needle")
    val found = mutableListOf<Long>()
    var at = find(needle, 0, size)
    while (at >= 0) {
      found += at
      at = find(needle, at + needle.size, size)
    }
    return found
  }

  override fun lines(): List<ByteArray> = generateSequence {
    readLine().takeIf { it.isNotEmpty() }
  }
    .toList()

  override fun find(sub: ByteArray): Long = find(sub, pos, size)

  override fun find(sub: ByteArray, start: Long): Long = find(sub, start, size)

  override fun find(sub: ByteArray, start: Long, end: Long): Long =
    search(sub, start, end, reverse = false)

  override fun rfind(sub: ByteArray): Long = rfind(sub, pos, size)

  override fun rfind(sub: ByteArray, start: Long): Long = rfind(sub, start, size)

  override fun rfind(sub: ByteArray, start: Long, end: Long): Long =
    search(sub, start, end, reverse = true)

  override fun move(dest: Long, src: Long, count: Long) {
    checkOpen()
    checkWritable()
    if (dest < 0 || src < 0 || count < 0 || size - dest < count || size - src < count) {
      throw IllegalArgumentException("source, destination, or count out of range")
    }
    val moved = data.copyOfRange(src.toInt(), (src + count).toInt()) // memmove: copy first
    moved.forEachIndexed { i, b -> store(dest + i, b) }
  }

  override fun flush() = flush(0, size)

  override fun flush(offset: Long, size: Long) {
    checkOpen()
    if (size < 0 || offset < 0 || this.size - offset < size) {
      throw IllegalArgumentException("flush values out of range")
    }
    // mmap_flush_method returns before msync(2) for READ and COPY, so alignment is not checked.
    if (access == Access.READ || access == Access.COPY) return
    if (offset % pageSize != 0L) throw errno(22, "Invalid argument")
  }

  override fun madvise(option: Madvise) = madvise(option, 0, size)

  override fun madvise(option: Madvise, start: Long) = madvise(option, start, size)

  override fun madvise(option: Madvise, start: Long, length: Long) {
    checkOpen()
    if (start < 0 || start >= size) throw IllegalArgumentException("madvise start out of bounds")
    if (length < 0) throw IllegalArgumentException("madvise length invalid")
    if (Long.MAX_VALUE - start < length) throw IllegalArgumentException("madvise length too large")
    val clamped = minOf(length, size - start)
    if (start % pageSize != 0L) throw errno(22, "Invalid argument") // madvise(2) wants page starts
    val endPage = minOf(pages(size), pages(start + clamped))
    for (page in (start / pageSize).toInt() until endPage) {
      vmaFlags = vmaFlags.toMutableList().also { it[page] = VmaFlag.after(option, it[page]) }
    }
    if (option == Madvise.DONTNEED && !shared && clamped > 0) {
      // The kernel drops whole pages: private edits revert to the file (zeros if anonymous).
      val end = minOf(size, (start + clamped + pageSize - 1) / pageSize * pageSize)
      for (i in start until end) {
        data[i.toInt()] = file?.window(offset + i, 1)?.get(0) ?: 0
      }
    }
  }

  override fun resize(newSize: Long) {
    checkOpen()
    if (access == Access.READ || access == Access.COPY) {
      throw UnsupportedOperationException(
        "mmap can't resize a readonly or copy-on-write memory map."
      )
    }
    if (newSize < 0 || Long.MAX_VALUE - newSize < offset) {
      throw IllegalArgumentException("new size out of range")
    }
    if (file == null && newSize > size) {
      throw IllegalArgumentException("mmap: can't expand a shared anonymous mapping on Linux")
    }
    // docs/semantics.md, hazard 4: fails like CPython's mremap(2), but before the file is touched.
    if (newSize == 0L) throw errno(22, "Invalid argument")
    if (file == null) {
      data = data.copyOf(newSize.toInt())
      return
    }
    if (offset + newSize > MAX_FILE_SIZE) throw errno(27, "File too large")
    file.truncate(offset + newSize)
    // CPython grows with mremap(2) after ftruncate(2): a range that madvise split into VMAs with
    // different flags cannot grow (EFAULT), and the file stays extended. mmap4j does the same.
    val newPages = pages(newSize)
    if (newPages > vmaFlags.size && vmaFlags.distinct().size > 1) throw errno(14, "Bad address")
    data = file.window(offset, newSize.toInt())
    vmaFlags = List(newPages) { vmaFlags.getOrElse(it) { vmaFlags.last() } } // grown: the last VMA
  }

  override fun getByte(index: Long): Byte = words.getByte(index)

  override fun setByte(index: Long, value: Byte) = words.setByte(index, value)

  override fun getWord(word: Word, index: Long, order: ByteOrder?): Long =
    words.getWord(word, index, order)

  override fun setWord(word: Word, index: Long, bits: Long, order: ByteOrder?) =
    words.setWord(word, index, bits, order)

  override fun atomic(op: AtomicOp, index: Long, a: Long, b: Long): Any? =
    words.atomic(op, index, a, b)

  override fun readInto(dst: ByteArray, off: Int, len: Int): Int = words.readInto(dst, off, len)

  override fun getInto(index: Long, dst: ByteArray, off: Int, len: Int) =
    words.getInto(index, dst, off, len)

  override fun setFrom(index: Long, src: ByteArray, off: Int, len: Int) =
    words.setFrom(index, src, off, len)

  override fun readBuffer(dst: ByteBuffer): Int = words.readBuffer(dst)

  override fun writeBuffer(src: ByteBuffer): Int = words.writeBuffer(src)

  private inner class WordWindow : ModelWords.Window {
    override val size: Long
      get() = this@ReferenceMmap.size

    override var pos: Long
      get() = this@ReferenceMmap.pos
      set(value) {
        this@ReferenceMmap.pos = value
      }

    override fun byteAt(index: Long): Byte = data[Math.toIntExact(index)]

    override fun store(index: Long, value: Byte) = this@ReferenceMmap.store(index, value)

    override fun get(index: Long): Int = this@ReferenceMmap.get(index)

    override fun set(index: Long, value: Int) = this@ReferenceMmap.set(index, value)

    override fun checkOpen() = this@ReferenceMmap.checkOpen()

    override fun checkWritable() = this@ReferenceMmap.checkWritable()
  }

  private fun pages(bytes: Long): Int = ((bytes + pageSize - 1) / pageSize).toInt()

  override fun size(): Long {
    checkOpen()
    return file?.length ?: throw errno(9, "Bad file descriptor")
  }

  override fun access(): Access = access

  override fun offset(): Long = offset

  override fun isClosed(): Boolean = closed

  override fun close() {
    closed = true
  }

  override fun toString(): String =
    if (closed) "Mmap[closed=true]"
    else "Mmap[closed=false, access=$access, length=$size, pos=$pos, offset=$offset]"

  private fun search(sub: ByteArray, start: Long, end: Long, reverse: Boolean): Long {
    checkOpen()
    val from = clampIndex(start)
    val to = clampIndex(end)
    if (to < from) return -1
    val candidates = from..(to - sub.size)
    val hits = if (reverse) candidates.reversed() else candidates
    return hits.firstOrNull { i -> sub.indices.all { data[(i + it).toInt()] == sub[it] } } ?: -1
  }

  /**
   * The indices first, first + step, … up to and including last (a Kotlin progression); every one
   * must exist. BigInteger keeps the arithmetic obviously free of overflow.
   */
  private fun closedIndices(first: Long, last: Long, step: Long): List<Long> {
    if (step == 0L) throw IllegalArgumentException("slice step cannot be zero")
    if (if (step > 0) first > last else first < last) return emptyList()
    val big = BigInteger::valueOf
    val count = (big(last) - big(first)) / big(step) + BigInteger.ONE
    val lastIndex = big(first) + (count - BigInteger.ONE) * big(step)
    val valid = big(0)..big(size - 1)
    if (big(first) !in valid || lastIndex !in valid) {
      throw IndexOutOfBoundsException("mmap index out of range")
    }
    return List(count.toInt()) { first + it * step }
  }

  /** find/rfind's normalisation of start and end: negative counts from the end, then clamps. */
  private fun clampIndex(index: Long): Long {
    val i = if (index < 0) index + size else index
    return i.coerceIn(0, size)
  }

  private fun checkIndex(index: Long): Long {
    val i = if (index < 0) index + size else index
    if (i < 0 || i >= size) throw IndexOutOfBoundsException("mmap index out of range")
    return i
  }

  private fun take(count: Long): ByteArray {
    if (count <= 0) return ByteArray(0)
    val bytes = data.copyOfRange(pos.toInt(), (pos + count).toInt())
    pos += count
    return bytes
  }

  private fun store(at: Long, value: Byte) {
    data[at.toInt()] = value
    if (shared) file?.set(offset + at, value)
  }

  private fun checkOpen() {
    if (closed) throw IllegalStateException("mmap closed or invalid")
  }

  private fun checkWritable() {
    if (access == Access.READ) {
      throw UnsupportedOperationException("mmap can't modify a readonly memory map.")
    }
  }

  private fun errno(number: Int, text: String) = IOException("[Errno $number] $text")

  companion object {
    /** ext4's limit with 4 KiB blocks (16 TiB): ftruncate(2) beyond it fails with EFBIG. */
    const val MAX_FILE_SIZE = 16L shl 40

    /** A map of [length] bytes of [file] from [offset] (length already resolved, > 0). */
    fun ofFile(
      file: FileImage,
      offset: Long,
      length: Int,
      access: Access,
      pageSize: Int,
    ): ReferenceMmap = ReferenceMmap(access, offset, file, file.window(offset, length), pageSize)

    /** mmap.mmap(-1, length): zero-filled, shared unless COPY. */
    fun anonymous(length: Int, access: Access, pageSize: Int): ReferenceMmap =
      ReferenceMmap(access, 0, null, ByteArray(length), pageSize)
  }
}
