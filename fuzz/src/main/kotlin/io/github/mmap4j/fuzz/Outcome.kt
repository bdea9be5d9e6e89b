package io.github.mmap4j.fuzz

import java.io.IOException
import java.io.UncheckedIOException

/**
 * What one call did, as comparable text: `None`, `b'ab'`, `3`, or `IndexOutOfBoundsException: seek
 * out of range`. Exceptions are named by their `docs/semantics.md` §15.3 class, so a subclass (a
 * `ReadOnlyBufferException` for an `UnsupportedOperationException`) compares equal.
 */
object Outcome {
  /** The contract's exception classes, most specific first. */
  private val CONTRACT =
    listOf(
      IllegalStateException::class.java,
      IndexOutOfBoundsException::class.java,
      IllegalArgumentException::class.java,
      UnsupportedOperationException::class.java,
      UncheckedIOException::class.java,
      IOException::class.java,
    )

  fun of(call: () -> Any?): String =
    try {
      Py.value(call())
    } catch (e: Throwable) { // InternalError etc. must show up as a difference, not end the run
      raised(e)
    }

  /**
   * Whether [actual] shows the same as [expected]: equal text, or, for an exception, [expected]'s
   * class and message exactly followed by `" (figures)"` on the same line, the figures mmap4j adds
   * after CPython's words (`IndexOutOfBoundsException: mmap index out of range (index 10, length
   * 10)` agrees with the model's `IndexOutOfBoundsException: mmap index out of range`). Only the
   * shape of the figures is checked: the model and CPython do not give them.
   */
  fun agrees(expected: String, actual: String): Boolean {
    if (expected == actual) return true
    if (!isException(expected) || !actual.startsWith("$expected (")) return false
    val figures = actual.substring(expected.length + 2)
    return figures.length > 1 && figures.endsWith(")") && figures.none { it == '\n' || it == '\r' }
  }

  /** Whether [outcome] is an exception's `Type: message` rather than a value's text. */
  private fun isException(outcome: String): Boolean {
    val type = outcome.substringBefore(": ", missingDelimiterValue = "")
    return type.isNotEmpty() &&
      type.all { it.isLetterOrDigit() || it == '.' || it == '$' } &&
      (type.endsWith("Exception") || type.endsWith("Error"))
  }

  fun raised(e: Throwable): String {
    val type = CONTRACT.firstOrNull { it.isInstance(e) } ?: e.javaClass
    return "${type.simpleName}: ${e.message}"
  }

  /** CPython's exception, as the Java one `docs/semantics.md` §15.3 maps it to. */
  fun fromPython(type: String, message: String): String {
    val java =
      when (type) {
        "ValueError" ->
          when (message) {
            "mmap closed or invalid" -> "IllegalStateException"
            "read byte out of range",
            "write byte out of range",
            "data out of range",
            "seek out of range" -> "IndexOutOfBoundsException"
            else -> "IllegalArgumentException"
          }
        "IndexError" ->
          if (message == "mmap slice assignment is wrong size") "IllegalArgumentException"
          else "IndexOutOfBoundsException"
        "OverflowError" -> "IllegalArgumentException"
        "TypeError" -> "UnsupportedOperationException"
        "OSError",
        "PermissionError",
        "FileNotFoundError" -> "IOException"
        else -> "Python $type"
      }
    return "$java: $message"
  }
}
