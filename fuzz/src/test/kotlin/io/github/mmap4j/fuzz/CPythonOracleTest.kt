package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import kotlin.random.Random
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test

/**
 * Keeps [ReferenceMmap] honest: generated action lists run on the model and on CPython (`python3`),
 * one interpreter per batch, compared step by step. Without python3 the test is skipped, saying so
 * ([Python3]).
 *
 * Replay: `mvn -B -ntp -pl fuzz -am verify -Dtest=CPythonOracleTest -Dfuzz.seed=<seed printed>`.
 */
class CPythonOracleTest {
  @Test
  fun modelAgreesWithCPython() {
    val oracle = CPythonOracle(Python3.command())
    val seed = FuzzSettings.seed ?: Random.nextLong()
    val perConfiguration = FuzzSettings.lists ?: 60
    // -Pfuzz-long: 2 of the SHARES of fuzz.minutes; the default run is one batch.
    val share = 2 * FuzzSettings.minutes * 60_000_000_000 / MmapProperties.SHARES
    val deadline = System.nanoTime() + if (FuzzSettings.long) share else 0
    val random = Random(seed)
    var lists = 0
    var steps = 0
    val started = System.nanoTime()
    do {
      val scenarios =
        Backing.entries.flatMap { backing ->
          Access.entries.flatMap { access ->
            val scenarios = Scenarios(backing, access)
            List(perConfiguration) { scenarios.generate(random) }
          }
        }
      val divergence = oracle.check(scenarios).firstOrNull { it != null }
      if (divergence != null) fail<Unit>("seed $seed: ${oracle.shrink(divergence)}")
      lists += scenarios.size
      steps += scenarios.sumOf { it.actions.size }
    } while (System.nanoTime() < deadline)
    val seconds = (System.nanoTime() - started) / 1e9
    println(
      "fuzz: CPython oracle agreed with the model on $lists lists, $steps steps in %.1f s (seed $seed)"
        .format(seconds)
    )
  }
}
