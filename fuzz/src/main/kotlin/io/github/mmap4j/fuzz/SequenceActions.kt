package io.github.mmap4j.fuzz

/** `len(m)`. */
data object LengthAction : Action() {
  override fun run(m: MmapLike): Any? = m.length()

  override val python = "len(m)"
}

/** `m[index]`. */
data class GetAction(val index: Long) : Action() {
  override fun run(m: MmapLike): Any? = m.get(index)

  override val python = "m[${py(index)}]"
}

/** `m[index] = value`. */
data class SetAction(val index: Long, val value: Int) : Action() {
  override fun run(m: MmapLike): Any? = m.set(index, value)

  override val python = "m[${py(index)}] = $value"

  override fun oracle(config: MapConfig) = "m.__setitem__(${py(index)}, $value)"
}

/** `m[start:stop]` or `m[start:stop:step]`; a null [step] is the two-argument `slice`. */
data class SliceAction(val start: Long, val stop: Long, val step: Long?) : Action() {
  override fun run(m: MmapLike): Any? =
    if (step == null) m.slice(start, stop) else m.slice(start, stop, step)

  override val python = "m[${bounds(start, stop, step)}]"
}

/** `m[start:stop] = value` or `m[start:stop:step] = value`. */
class SetSliceAction(val start: Long, val stop: Long, val step: Long?, val value: ByteArray) :
  Action() {
  override fun run(m: MmapLike): Any? =
    if (step == null) m.setSlice(start, stop, value) else m.setSlice(start, stop, step, value)

  override val python = "m[${bounds(start, stop, step)}] = ${Py.literal(value)}"

  override fun oracle(config: MapConfig) =
    "m.__setitem__(slice(${py(start)}, ${py(stop)}, ${step?.let(::py) ?: "None"}), " +
      "${Py.literal(value)})"
}

/** `m.find(sub[, start[, end]])` or `m.rfind(…)`: [args] says how many arguments are passed. */
class FindAction(
  val reverse: Boolean,
  val sub: ByteArray,
  val args: Int,
  val start: Long,
  val end: Long,
) : Action() {
  override fun run(m: MmapLike): Any? =
    when {
      args == 1 && reverse -> m.rfind(sub)
      args == 1 -> m.find(sub)
      args == 2 && reverse -> m.rfind(sub, start)
      args == 2 -> m.find(sub, start)
      reverse -> m.rfind(sub, start, end)
      else -> m.find(sub, start, end)
    }

  override val python: String
    get() {
      val name = if (reverse) "rfind" else "find"
      val rest = listOf(py(start), py(end)).take(args - 1).joinToString("") { ", $it" }
      return "m.$name(${Py.literal(sub)}$rest)"
    }

  override fun shrinks(): List<Action> =
    halves(sub).map { FindAction(reverse, it, args, start, end) } +
      (1 until args).map { FindAction(reverse, sub, it, start, end) }
}

private fun bounds(start: Long, stop: Long, step: Long?) =
  "${py(start)}:${py(stop)}" + (step?.let { ":${py(it)}" } ?: "")
