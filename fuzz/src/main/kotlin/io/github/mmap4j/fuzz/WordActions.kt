package io.github.mmap4j.fuzz

import java.nio.ByteOrder

/**
 * Actions for core's byte access beyond CPython ([BeyondCPython]). Typed words print as the
 * `struct.unpack_from` / `struct.pack_into` calls they mirror; the rest call the small functions of
 * [BEYOND_PYTHON], which a reproduction script defines first.
 */
sealed class BeyondCPythonAction : Action()

/** `'<'` for little-endian (and the default overload), `'>'` for big-endian. */
private fun prefix(order: ByteOrder?): Char = if (order == ByteOrder.BIG_ENDIAN) '>' else '<'

/** How a typed value prints in Python: the integer, or `f32(0x…)` / `f64(0x…)` from raw bits. */
private fun pyValue(word: Word, bits: Long): String =
  when (word) {
    Word.FLOAT -> "f32(0x%08x)".format(bits.toInt())
    Word.DOUBLE -> "f64(0x%016x)".format(bits)
    else -> word.normalize(bits).toString()
  }

/**
 * `getShort/getInt/getLong/getFloat/getDouble(index[, order])`; a null [order] is the overload
 * without one (little-endian). Floats and doubles compare as raw bits, so NaN payloads count.
 */
data class GetWordAction(val word: Word, val index: Long, val order: ByteOrder?) :
  BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? = word.show(m.getWord(word, index, order))

  override val python = "struct.unpack_from('${prefix(order)}${word.format}', m, ${py(index)})[0]"

  override fun oracle(config: MapConfig) =
    "struct_get(m, '${prefix(order)}${word.format}', ${py(index)})"

  override val oracleComparesKindOnly = true
}

/** `setShort/…/setDouble(index, value[, order])`, the value given as its raw [bits]. */
data class SetWordAction(val word: Word, val index: Long, val bits: Long, val order: ByteOrder?) :
  BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? = m.setWord(word, index, bits, order)

  override val python =
    "struct.pack_into('${prefix(order)}${word.format}', m, ${py(index)}, ${pyValue(word, bits)})"

  override fun oracle(config: MapConfig) =
    "struct_set(m, '${prefix(order)}${word.format}', ${py(index)}, ${py(bits)})"

  override val oracleComparesKindOnly = true

  override fun shrinks(): List<Action> =
    if (bits == 0L) emptyList() else listOf(SetWordAction(word, index, 0, order))
}

/**
 * `getByte(index)`: `struct.unpack_from('b', …)`, which counts negative indices from the end too.
 */
data class GetByteAction(val index: Long) : BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? = m.getByte(index)

  override val python = "struct.unpack_from('b', m, ${py(index)})[0]"

  override fun oracle(config: MapConfig) = "struct_get(m, 'b', ${py(index)})"

  override val oracleComparesKindOnly = true
}

/** `setByte(index, value)`: any signed byte, stored as its bits. */
data class SetByteAction(val index: Long, val value: Byte) : BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? = m.setByte(index, value)

  override val python = "struct.pack_into('b', m, ${py(index)}, $value)"

  override fun oracle(config: MapConfig) = "struct_set(m, 'b', ${py(index)}, $value)"

  override val oracleComparesKindOnly = true
}

/**
 * One atomic call ([AtomicOp]): native byte order, aligned indices only. [a] and [b] are its value
 * arguments (the delta, the new value, or the expected and the new value).
 */
data class AtomicAction(val op: AtomicOp, val index: Long, val a: Long, val b: Long) :
  BeyondCPythonAction() {
  override fun run(m: MmapLike): Any? = m.atomic(op, index, a, b)

  override val python: String
    get() {
      val values = listOf(a, b).take(op.arguments).joinToString("") { ", ${op.word.normalize(it)}" }
      return "${op.python}(m, '=${op.word.format}', ${py(index)}$values)"
    }
}
