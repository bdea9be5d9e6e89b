package io.github.mmap4j.fuzz

import io.github.mmap4j.Whence

/** `m.read()`. */
data object ReadAllAction : Action() {
  override fun run(m: MmapLike): Any? = m.read()

  override val python = "m.read()"
}

/** `m.read(n)`; a negative n reads the rest. */
data class ReadAction(val n: Long) : Action() {
  override fun run(m: MmapLike): Any? = m.read(n)

  override val python = "m.read(${py(n)})"
}

/** `m.read_byte()`. */
data object ReadByteAction : Action() {
  override fun run(m: MmapLike): Any? = m.readByte()

  override val python = "m.read_byte()"
}

/** `m.readline()`. */
data object ReadLineAction : Action() {
  override fun run(m: MmapLike): Any? = m.readLine()

  override val python = "m.readline()"
}

/** `m.write(data)`. */
class WriteAction(val data: ByteArray) : Action() {
  override fun run(m: MmapLike): Any? = m.write(data)

  override val python = "m.write(${Py.literal(data)})"

  override fun shrinks(): List<Action> = halves(data).map(::WriteAction)
}

/** `m.write_byte(value)`; values outside 0..255 are the argument errors. */
data class WriteByteAction(val value: Int) : Action() {
  override fun run(m: MmapLike): Any? = m.writeByte(value)

  override val python = "m.write_byte($value)"
}

/** `m.seek(pos)` or `m.seek(pos, whence)`; mmap4j returns the new position like 3.13. */
data class SeekAction(val pos: Long, val whence: Whence?) : Action() {
  override fun run(m: MmapLike): Any? = if (whence == null) m.seek(pos) else m.seek(pos, whence)

  override val python =
    if (whence == null) "m.seek(${py(pos)})" else "m.seek(${py(pos)}, ${whence.ordinal})"

  /** 3.11's seek returns None: `sk` seeks, then answers `m.tell()`. */
  override fun oracle(config: MapConfig) =
    if (whence == null) "sk(m, ${py(pos)})" else "sk(m, ${py(pos)}, ${whence.ordinal})"
}

/** `m.tell()`. */
data object TellAction : Action() {
  override fun run(m: MmapLike): Any? = m.tell()

  override val python = "m.tell()"
}

/** `m.seekable()` (3.13+; the 3.11 oracle has no such method and answers True for it). */
data object SeekableAction : Action() {
  override fun run(m: MmapLike): Any? = m.seekable()

  override val python = "m.seekable()"

  override fun oracle(config: MapConfig) = "True"
}
