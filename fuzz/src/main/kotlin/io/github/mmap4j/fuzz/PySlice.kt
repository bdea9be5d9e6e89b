package io.github.mmap4j.fuzz

/**
 * Python's slice arithmetic, transcribed from `PySlice_Unpack` and `PySlice_AdjustIndices` in
 * CPython's Objects/sliceobject.c, for integer bounds (every Java `long` fits `Py_ssize_t`).
 */
object PySlice {
  /** The indices `m[start:stop:step]` visits in a sequence of [length] items, in order. */
  fun indices(start: Long, stop: Long, step: Long, length: Long): List<Long> {
    if (step == 0L) throw IllegalArgumentException("slice step cannot be zero")
    // PySlice_Unpack: -PY_SSIZE_T_MAX is the smallest step, so that -step cannot overflow.
    val k = maxOf(step, -Long.MAX_VALUE)
    val first = adjust(start, k, length)
    val last = adjust(stop, k, length)
    val count =
      when {
        k < 0 && last < first -> (first - last - 1) / -k + 1
        k > 0 && first < last -> (last - first - 1) / k + 1
        else -> 0
      }
    return List(count.toInt()) { first + it * k }
  }

  private fun adjust(bound: Long, step: Long, length: Long): Long =
    when {
      bound < 0 -> (bound + length).let { if (it < 0) (if (step < 0) -1 else 0) else it }
      bound >= length -> if (step < 0) length - 1 else length
      else -> bound
    }
}
