package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.kotest.property.Constraints
import io.kotest.property.PropTestConfig
import io.kotest.property.PropertyTesting
import io.kotest.property.ShrinkingMode
import io.kotest.property.checkAll
import java.nio.file.Path
import java.util.concurrent.ConcurrentHashMap
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

/**
 * Model-based property tests: random action lists of up to 50 steps run on [io.github.mmap4j.Mmap]
 * and on [ReferenceMmap], compared after every step; a difference is shrunk by kotest to a short
 * action list and printed as a Python script.
 *
 * The default run checks [SHARDS] shards of 250 lists each, every shard with its own seed
 * ([FuzzSettings.seedOf]) and every list with a map of its own backing (file, anonymous, sparse
 * file beyond 2^31 or 2^32) and access mode, drawn at random: so every shard can meet every fault,
 * including those only one access mode or a file map at an offset can show. Replay the seed kotest
 * prints: `mvn -B -ntp -pl fuzz -am verify -Dfuzz.seed=<seed> -Dtest=MmapProperties
 * -Dsurefire.failIfNoSpecifiedTests=false` (shard 1 then runs that seed). Soak: `-Pfuzz-long
 * -Dfuzz.minutes=30` shares the minutes between the shards.
 */
class MmapProperties {
  @TempDir lateinit var dir: Path

  @ParameterizedTest(name = "shard {0}")
  @ValueSource(ints = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  fun mapsMatchTheModel(shard: Int) {
    val checker = ModelCheck(dir)
    val seed = FuzzSettings.seedOf(shard)
    var count = 0
    val started = System.nanoTime()
    val config =
      PropTestConfig(
        seed = seed,
        iterations = FuzzSettings.lists ?: LISTS,
        shrinkingMode = ShrinkingMode.Bounded(2_000),
        constraints =
          if (FuzzSettings.long) Constraints.duration((FuzzSettings.minutes * 60 / SHARES).seconds)
          else null,
      )
    PropertyTesting.shouldPrintShrinkSteps = false // the shrunk script is what matters
    runBlocking {
      checkAll(config, Scenarios().arb()) { scenario ->
        count++
        lists.merge("${scenario.config.backing} ${scenario.config.access}", 1, Int::plus)
        checker.run(scenario)?.let { throw AssertionError(it.toString()) }
      }
    }
    val seconds = (System.nanoTime() - started) / 1e9
    println(
      "fuzz: shard $shard (seed ${seed ?: "random"}): $count lists, ${checker.steps} steps in %.1f s"
        .format(seconds)
    )
    totalLists += count
    totalSteps += checker.steps
  }

  companion object {
    /** Shards of the default run; each draws the backing and access mode of every list. */
    const val SHARDS = 12

    /** Lists per shard in the default run. */
    const val LISTS = 250

    /** The long run's minutes go to the [SHARDS] shards here and 2 shares to the CPython oracle. */
    const val SHARES = SHARDS + 2

    private var totalLists = 0
    private var totalSteps = 0L
    private val lists = ConcurrentHashMap<String, Int>()

    @JvmStatic
    @AfterAll
    fun summary() {
      val combinations =
        Backing.entries
          .flatMap { b -> Access.entries.map { a -> "$b $a" } }
          .joinToString(", ") { "$it ${lists[it] ?: 0}" }
      println(
        "fuzz: mmap4j vs model: $totalLists lists, $totalSteps steps in total ($combinations)"
      )
    }
  }
}
