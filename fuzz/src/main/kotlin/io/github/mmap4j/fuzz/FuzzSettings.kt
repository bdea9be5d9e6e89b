package io.github.mmap4j.fuzz

/**
 * The knobs of a fuzz run, from system properties (the fuzz pom passes them to Surefire):
 * `fuzz.seed` replays one seed, `fuzz.long=true` (profile `fuzz-long`) runs for `fuzz.minutes`,
 * `fuzz.lists` overrides the number of action lists per configuration.
 */
object FuzzSettings {
  /** The seed the default run uses, so that CI explores the same lists every time. */
  const val DEFAULT_SEED: Long = 20261130L

  val long: Boolean = property("fuzz.long").toBoolean()

  /**
   * `-Dfuzz.seed=<n>` replays a seed; `-Dfuzz.seed=random` (and every `-Pfuzz-long` soak) draws a
   * new one; otherwise the default run is deterministic.
   */
  val seed: Long? =
    when (val given = property("fuzz.seed")) {
      null -> if (long) null else DEFAULT_SEED
      "random" -> null
      else -> given.toLong()
    }

  /**
   * The seed of shard [shard] (1-based) of a run: [seed] + shard - 1, so the shards of the default
   * run explore different lists, and replaying the seed kotest printed for a failing shard runs
   * that shard's lists again (in shard 1). Null (a fresh seed per shard) in a soak.
   */
  fun seedOf(shard: Int): Long? = seed?.let { it + shard - 1 }

  val minutes: Long = property("fuzz.minutes")?.toLong() ?: 10

  val lists: Int? = property("fuzz.lists")?.toInt()

  private fun property(name: String): String? = System.getProperty(name)?.takeIf { it.isNotBlank() }
}
