package io.github.mmap4j.fuzz

/**
 * Actions for core's additions to CPython's API (`docs/semantics.md` §15.5), which the Kotlin DSL
 * is built on. CPython has no such methods: their Python lines call the small functions of
 * [ADDITIONS_PYTHON], which a reproduction script defines first.
 */
sealed class AdditionAction : Action()

/** `sliceClosed(first, last, step)`: Kotlin's `m[first..last step s]`. */
data class SliceClosedAction(val first: Long, val last: Long, val step: Long) : AdditionAction() {
  override fun run(m: MmapLike): Any? = m.sliceClosed(first, last, step)

  override val python = "slice_closed(m, ${py(first)}, ${py(last)}, ${py(step)})"
}

/** `setSliceClosed(first, last, step, value)`: Kotlin's `m[first..last step s] = value`. */
class SetSliceClosedAction(val first: Long, val last: Long, val step: Long, val value: ByteArray) :
  AdditionAction() {
  override fun run(m: MmapLike): Any? = m.setSliceClosed(first, last, step, value)

  override val python =
    "set_slice_closed(m, ${py(first)}, ${py(last)}, ${py(step)}, ${Py.literal(value)})"
}

/** `contains(needle)`: Kotlin's `needle in m`. */
class ContainsAction(val needle: ByteArray) : AdditionAction() {
  override fun run(m: MmapLike): Any? = m.contains(needle)

  override val python = "contains(m, ${Py.literal(needle)})"

  override fun shrinks(): List<Action> = halves(needle).map(::ContainsAction)
}

/** `findAllIndices(needle)`, iterated to the end. */
class FindAllAction(val needle: ByteArray) : AdditionAction() {
  override fun run(m: MmapLike): Any? = m.findAllIndices(needle)

  override val python = "find_all(m, ${Py.literal(needle)})"

  override fun shrinks(): List<Action> = halves(needle).map(::FindAllAction)
}

/** `lineIterator()`, iterated to the end. */
data object LinesAction : AdditionAction() {
  override fun run(m: MmapLike): Any? = m.lines()

  override val python = "lines(m)"
}

/** Python definitions of the additions, for the oracle and for reproduction scripts. */
val ADDITIONS_PYTHON =
  """
  |def closed_range(m, first, last, step):
  |    len(m)  # the closed check comes first
  |    if step == 0:
  |        raise ValueError('slice step cannot be zero')
  |    if (first > last) if step > 0 else (first < last):
  |        return range(0)
  |    end = first + (last - first) // step * step  # the last index actually visited
  |    if not (0 <= first < len(m) and 0 <= end < len(m)):
  |        raise IndexError('mmap index out of range')
  |    return range(first, end + (1 if step > 0 else -1), step)
  |
  |def slice_closed(m, first, last, step):
  |    return bytes(m[i] for i in closed_range(m, first, last, step))
  |
  |def set_slice_closed(m, first, last, step, value):
  |    if m.closed or repr(m).find('ACCESS_READ') >= 0:
  |        m.write(b'')  # raises the closed or read-only error
  |    r = closed_range(m, first, last, step)
  |    if len(r) != len(value):
  |        raise IndexError('mmap slice assignment is wrong size')
  |    for i, b in zip(r, value):
  |        m[i] = b
  |
  |def contains(m, needle):
  |    return m.find(needle, 0) >= 0
  |
  |def find_all(m, needle):
  |    len(m)
  |    if not needle:
  |        raise ValueError('empty needle')
  |    found, at = [], m.find(needle, 0)
  |    while at >= 0:
  |        found.append(at)
  |        at = m.find(needle, at + len(needle))
  |    return found
  |
  |def lines(m):
  |    return list(iter(m.readline, b''))
  |
  |"""
    .trimMargin()
