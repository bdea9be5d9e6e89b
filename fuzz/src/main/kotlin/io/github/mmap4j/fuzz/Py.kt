package io.github.mmap4j.fuzz

/** Renders Java values the way CPython 3 prints them, so both sides compare as the same text. */
object Py {
  /** `repr(bytes)`: bytes_repr in CPython's Objects/bytesobject.c. */
  fun repr(bytes: ByteArray): String {
    val single = '\''.code.toByte()
    val double = '"'.code.toByte()
    val quote = if (single in bytes && double !in bytes) '"' else '\''
    val out = StringBuilder("b").append(quote)
    for (b in bytes) {
      val c = b.toInt() and 0xff
      when {
        c == quote.code || c == '\\'.code -> out.append('\\').append(c.toChar())
        c == '\t'.code -> out.append("\\t")
        c == '\n'.code -> out.append("\\n")
        c == '\r'.code -> out.append("\\r")
        c < 0x20 || c >= 0x7f -> out.append("\\x").append("%02x".format(c))
        else -> out.append(c.toChar())
      }
    }
    return out.append(quote).toString()
  }

  /** A Python expression for [bytes]: `repr` if short, `(b'xy' * 9)[:17]` if periodic. */
  fun literal(bytes: ByteArray): String {
    if (bytes.size > 16) {
      val period = (1..4).firstOrNull { p -> bytes.indices.all { bytes[it] == bytes[it % p] } }
      if (period != null) {
        val unit = repr(bytes.copyOf(period))
        val times = (bytes.size + period - 1) / period
        return if (times * period == bytes.size) "$unit * $times"
        else "($unit * $times)[:${bytes.size}]"
      }
    }
    return repr(bytes)
  }

  /** How a call's result prints: bytes as `repr`, integers, `True`/`False`, `None`. */
  fun value(result: Any?): String =
    when (result) {
      null,
      Unit -> "None"
      is ByteArray -> repr(result)
      is Boolean -> if (result) "True" else "False"
      is List<*> -> result.joinToString(", ", "[", "]") { value(it) }
      else -> result.toString()
    }
}
