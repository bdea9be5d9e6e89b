package io.github.mmap4j.fuzz

import io.github.mmap4j.Access

/**
 * One call of one operation with concrete arguments. [run] performs it on either side; [python] is
 * the same call as CPython source (`m.write(b'ab')`, `m[3:5] = b'xy'`), so a list of actions prints
 * as a script.
 */
sealed class Action {
  abstract fun run(m: MmapLike): Any?

  abstract val python: String

  /**
   * The call as one Python expression for the CPython oracle, run by CPython 3.11. Defaults to
   * [python]; actions override it where 3.11 differs (seek returns None) or would crash the
   * interpreter (see [ResizeAction]).
   */
  open fun oracle(config: MapConfig): String = python

  /**
   * Whether the CPython oracle compares only the kind of exception this call raises, not its
   * message: true where CPython's counterpart necessarily words its errors differently (`struct`'s
   * `unpack_from requires a buffer of at least 8 bytes …` for mmap4j's `mmap index out of range`).
   * mmap4j and the model are always compared on the whole message.
   */
  open val oracleComparesKindOnly: Boolean
    get() = false

  /** Simpler variants of this action, tried by the shrinker. */
  open fun shrinks(): List<Action> = emptyList()

  override fun toString(): String = python
}

/** A Python integer literal; Java's extremes are valid Python ints as they are. */
internal fun py(value: Long): String = value.toString()

/**
 * Shorter versions of [bytes] for shrinking: empty, either half, and for short data one byte less
 * (dropping single bytes of long data would take thousands of shrink steps).
 */
internal fun halves(bytes: ByteArray): List<ByteArray> {
  val half = bytes.size / 2
  val shorter = listOf(ByteArray(0), bytes.copyOf(half), bytes.copyOfRange(half, bytes.size))
  val oneLess = if (bytes.size in 1..16) listOf(bytes.copyOf(bytes.size - 1)) else emptyList()
  return (shorter + oneLess).filter { it.size < bytes.size }.distinctBy { it.toList() }
}

internal val Access.python: String
  get() = "mmap.ACCESS_$name"
