package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.github.mmap4j.Madvise

/** `m.move(dest, src, count)`. */
data class MoveAction(val dest: Long, val src: Long, val count: Long) : Action() {
  override fun run(m: MmapLike): Any? = m.move(dest, src, count)

  override val python = "m.move(${py(dest)}, ${py(src)}, ${py(count)})"
}

/** `m.flush()` (null offset) or `m.flush(offset, size)`. */
data class FlushAction(val offset: Long?, val size: Long) : Action() {
  override fun run(m: MmapLike): Any? = if (offset == null) m.flush() else m.flush(offset, size)

  override val python = if (offset == null) "m.flush()" else "m.flush(${py(offset)}, ${py(size)})"
}

/** `m.madvise(option[, start[, length]])`: [args] says how many arguments are passed. */
data class MadviseAction(val option: Madvise, val args: Int, val start: Long, val length: Long) :
  Action() {
  override fun run(m: MmapLike): Any? =
    when (args) {
      1 -> m.madvise(option)
      2 -> m.madvise(option, start)
      else -> m.madvise(option, start, length)
    }

  override val python: String
    get() {
      val rest = listOf(py(start), py(length)).take(args - 1).joinToString("") { ", $it" }
      return "m.madvise(mmap.MADV_${option.name}$rest)"
    }
}

/** `m.resize(newSize)`. */
data class ResizeAction(val newSize: Long) : Action() {
  override fun run(m: MmapLike): Any? = m.resize(newSize)

  override val python = "m.resize(${py(newSize)})"

  /**
   * CPython 3.11 crashes (SIGBUS) where mmap4j follows 3.13+ or its own rule (docs/semantics.md,
   * hazards 5 and 4): growing a shared anonymous map "succeeds", and resize(0) truncates the file
   * before it fails. The oracle calls helpers that raise the newer error instead of making those
   * two calls.
   */
  override fun oracle(config: MapConfig): String {
    val resizable = config.access == Access.DEFAULT || config.access == Access.WRITE
    return when {
      resizable && config.backing == Backing.ANONYMOUS -> "resize_anonymous(m, ${py(newSize)})"
      resizable && newSize == 0L -> "resize_zero(m)"
      else -> python
    }
  }
}

/** `m.size()`. */
data object SizeAction : Action() {
  override fun run(m: MmapLike): Any? = m.size()

  override val python = "m.size()"
}

/** `m.close()`; later actions then exercise use after close. */
data object CloseAction : Action() {
  override fun run(m: MmapLike): Any? = m.close()

  override val python = "m.close()"
}

/** `m.closed`. */
data object ClosedAction : Action() {
  override fun run(m: MmapLike): Any? = m.isClosed()

  override val python = "m.closed"
}

/** `repr(m)`: mmap4j's `toString()`; the oracle rewrites CPython's repr into that shape. */
data object ReprAction : Action() {
  override fun run(m: MmapLike): Any? = m.toString()

  override val python = "repr(m)"

  override fun oracle(config: MapConfig) = "java_repr(m)"
}
