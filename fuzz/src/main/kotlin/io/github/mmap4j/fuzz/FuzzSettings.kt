package io.github.mmap4j.fuzz

/**
 * The knobs of a fuzz run, from system properties (the fuzz pom passes them to Surefire):
 * `fuzz.seed` replays one seed, `fuzz.long=true` (profile `fuzz-long`) runs for `fuzz.minutes`,
 * `fuzz.lists` overrides the number of action lists per configuration.
 */
object FuzzSettings {
  val seed: Long? = property("fuzz.seed")?.toLong()

  val long: Boolean = property("fuzz.long").toBoolean()

  val minutes: Long = property("fuzz.minutes")?.toLong() ?: 10

  val lists: Int? = property("fuzz.lists")?.toInt()

  private fun property(name: String): String? = System.getProperty(name)?.takeIf { it.isNotBlank() }
}
