package io.github.mmap4j.fuzz

import java.nio.ByteBuffer

/** The bytes a destination array or buffer holds before a read: 0xa0, 0xa1, … (see `fill`). */
internal fun filler(size: Int): ByteArray = ByteArray(size) { (0xa0 + it).toByte() }

/** `read(dst, off, len)` into a fresh array of [size] bytes; the result shows the count and it. */
data class ReadIntoAction(val size: Int, val off: Int, val len: Int) : BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? {
    val dst = filler(size)
    return listOf(m.readInto(dst, off, len), dst)
  }

  override val python = "read_into(m, $size, $off, $len)"
}

/** `get(index, dst, off, len)` into a fresh array of [size] bytes; the result is the array. */
data class GetIntoAction(val index: Long, val size: Int, val off: Int, val len: Int) :
  BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? = filler(size).also { m.getInto(index, it, off, len) }

  override val python = "get_into(m, ${py(index)}, $size, $off, $len)"
}

/** `set(index, src, off, len)`. */
class SetFromAction(val index: Long, val src: ByteArray, val off: Int, val len: Int) :
  BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? = m.setFrom(index, src, off, len)

  override val python = "set_from(m, ${py(index)}, ${Py.literal(src)}, $off, $len)"
}

/**
 * A heap or direct [ByteBuffer] holding [content], with its position and limit set; read-only if
 * [readOnly] (a read into it must fail, a write from it must work).
 */
data class BufferSpec(
  val content: ByteArray,
  val position: Int,
  val limit: Int,
  val direct: Boolean,
  val readOnly: Boolean,
) {
  fun make(): ByteBuffer {
    val buffer =
      if (direct) ByteBuffer.allocateDirect(content.size) else ByteBuffer.allocate(content.size)
    buffer.put(content).clear().limit(limit).position(position)
    return if (readOnly) buffer.asReadOnlyBuffer() else buffer
  }

  /** Python keyword arguments naming the kind of buffer. */
  val python: String
    get() = "$position, $limit, direct=${Py.value(direct)}, read_only=${Py.value(readOnly)}"

  override fun equals(other: Any?): Boolean =
    other is BufferSpec && content.contentEquals(other.content) && python == other.python

  override fun hashCode(): Int = content.contentHashCode() * 31 + python.hashCode()
}

/** What a buffer shows after the call: the count, its position and limit, and all its bytes. */
private fun afterwards(count: Int, buffer: ByteBuffer): List<Any> {
  val whole = buffer.duplicate().clear() // absolute gets stop at the limit
  return listOf(
    count,
    buffer.position(),
    buffer.limit(),
    ByteArray(whole.capacity()) { whole.get(it) },
  )
}

/** `read(ByteBuffer)` into a buffer of [BufferSpec.content] (the filler bytes). */
data class ReadBufferAction(val spec: BufferSpec) : BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? {
    val buffer = spec.make()
    return afterwards(m.readBuffer(buffer), buffer)
  }

  override val python = "read_buffer(m, ${spec.content.size}, ${spec.python})"
}

/** `write(ByteBuffer)` from a buffer of [BufferSpec.content]. */
data class WriteBufferAction(val spec: BufferSpec) : BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? {
    val buffer = spec.make()
    return afterwards(m.writeBuffer(buffer), buffer)
  }

  override val python = "write_buffer(m, ${Py.literal(spec.content)}, ${spec.python})"

  override fun shrinks(): List<Action> =
    if (spec.readOnly || spec.direct)
      listOf(WriteBufferAction(spec.copy(direct = false, readOnly = false)))
    else emptyList()
}
