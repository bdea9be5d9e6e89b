package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.kotest.property.Constraints
import io.kotest.property.PropTestConfig
import io.kotest.property.PropertyTesting
import io.kotest.property.ShrinkingMode
import io.kotest.property.checkAll
import java.nio.file.Path
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/**
 * Model-based property tests: random action lists of up to 50 steps run on [io.github.mmap4j.Mmap]
 * and on [ReferenceMmap], compared after every step; a difference is shrunk by kotest to a short
 * action list and printed as a Python script.
 *
 * Default run: 3,000 lists (250 per access mode for file, anonymous and sparse > 4 GiB maps).
 * Replay the seed kotest prints: `mvn -B -ntp -pl fuzz -am verify -Dfuzz.seed=<seed>
 * -Dtest='MmapProperties#fileMapsMatchTheModel' -Dsurefire.failIfNoSpecifiedTests=false`. Soak:
 * `-Pfuzz-long -Dfuzz.minutes=30` shares the minutes between the configurations.
 */
class MmapProperties {
  @TempDir lateinit var dir: Path

  @ParameterizedTest
  @EnumSource(Access::class)
  fun fileMapsMatchTheModel(access: Access) = check(Backing.FILE, access, 250)

  @ParameterizedTest
  @EnumSource(Access::class)
  fun anonymousMapsMatchTheModel(access: Access) = check(Backing.ANONYMOUS, access, 250)

  @ParameterizedTest
  @EnumSource(Access::class)
  fun sparseMapsBeyondFourGibMatchTheModel(access: Access) = check(Backing.SPARSE, access, 250)

  private fun check(backing: Backing, access: Access, lists: Int) {
    val checker = ModelCheck(dir)
    var count = 0
    val started = System.nanoTime()
    val config =
      PropTestConfig(
        seed = FuzzSettings.seed,
        iterations = FuzzSettings.lists ?: lists,
        shrinkingMode = ShrinkingMode.Bounded(2_000),
        constraints =
          if (FuzzSettings.long) Constraints.duration((FuzzSettings.minutes * 60 / SHARES).seconds)
          else null,
      )
    PropertyTesting.shouldPrintShrinkSteps = false // the shrunk script is what matters
    runBlocking {
      checkAll(config, Scenarios(backing, access).arb()) { scenario ->
        count++
        checker.run(scenario)?.let { throw AssertionError(it.toString()) }
      }
    }
    val seconds = (System.nanoTime() - started) / 1e9
    println(
      "fuzz: $backing $access: $count lists, ${checker.steps} steps in %.1f s".format(seconds)
    )
    totalLists += count
    totalSteps += checker.steps
  }

  companion object {
    /** The long run's minutes go to 12 configurations here and 2 shares to the CPython oracle. */
    const val SHARES = 14

    private var totalLists = 0
    private var totalSteps = 0L

    @JvmStatic
    @AfterAll
    fun summary() = println("fuzz: mmap4j vs model: $totalLists lists, $totalSteps steps in total")
  }
}
