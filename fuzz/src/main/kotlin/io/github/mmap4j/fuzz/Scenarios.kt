package io.github.mmap4j.fuzz

import io.github.mmap4j.Access
import io.kotest.property.Arb
import io.kotest.property.Shrinker
import io.kotest.property.arbitrary.arbitrary
import kotlin.random.Random

/**
 * Generates [Scenario]s: a random map of [backing] and [access] (each drawn per scenario where it
 * is null), then up to [maxSteps] actions, each drawn from a model that has run the actions before
 * it.
 */
class Scenarios(
  private val backing: Backing? = null,
  private val access: Access? = null,
  private val pageSize: Int = PageSize.VALUE,
  private val maxSteps: Int = 50,
) {
  fun arb(): Arb<Scenario> =
    arbitrary(ScenarioShrinker(pageSize)) { source -> generate(source.random) }

  fun generate(random: Random): Scenario {
    val config = config(random)
    val model = config.newModel(pageSize)
    val generator = ActionGenerator(random, pageSize)
    val actions =
      List(random.nextInt(1, maxSteps + 1)) {
        generator.next(model).also { action -> Outcome.of { action.run(model) } }
      }
    return Scenario(config, actions)
  }

  private fun config(random: Random): MapConfig {
    val kind = backing ?: Backing.entries.random(random)
    val mode = access ?: Access.entries.random(random)
    val p = pageSize.toLong()
    val content =
      Content(
        Content.Style.entries[random.nextInt(Content.Style.entries.size)],
        random.nextInt(1, 251),
        random.nextInt(251),
      )
    fun windowLength(): Long =
      listOf(1, p - 1, p, p + 1, 2 * p, random.nextLong(1, 3 * p + 2)).random(random)
    return when (kind) {
      Backing.ANONYMOUS -> MapConfig(kind, mode, 0, 0, 0, windowLength(), content)
      Backing.FILE -> {
        val offset = if (random.nextBoolean()) 0 else p
        val fileLength = offset + windowLength()
        MapConfig(
          kind,
          mode,
          fileLength,
          0,
          offset,
          length(random, fileLength - offset),
          content,
          viaChannel = random.nextInt(4) == 0,
        )
      }
      Backing.SPARSE -> {
        // A window that starts a page or two below 2^31 or 2^32 and ends past it.
        val mark = if (random.nextBoolean()) 1L shl 31 else 1L shl 32
        val offset = mark - random.nextLong(1, 3) * p
        val fileLength = mark + random.nextLong(1, 2 * p + 1)
        MapConfig(
          kind,
          mode,
          fileLength,
          offset,
          offset,
          length(random, fileLength - offset),
          content,
          viaChannel = random.nextInt(4) == 0,
        )
      }
    }
  }

  /** 0 ("to the end") half of the time, else up to [available] bytes. */
  private fun length(random: Random, available: Long): Long =
    if (random.nextBoolean()) 0 else random.nextLong(1, available + 1)
}

/**
 * Shrinks a failing scenario: drops runs of actions (halves, quarters, … single ones), then
 * simplifies single actions, then shortens the map. Candidates that no longer fail are discarded by
 * kotest, so each may change the meaning of later actions freely.
 */
class ScenarioShrinker(private val pageSize: Int) : Shrinker<Scenario> {
  override fun shrink(value: Scenario): List<Scenario> {
    val actions = value.actions
    val candidates = mutableListOf<Scenario>()
    var chunk = actions.size / 2
    while (chunk >= 1) {
      for (from in actions.indices step chunk) {
        val kept = actions.take(from) + actions.drop(from + chunk)
        if (kept.isNotEmpty()) candidates += Scenario(value.config, kept)
      }
      chunk /= 2
    }
    actions.forEachIndexed { i, action ->
      for (simpler in action.shrinks()) {
        candidates += Scenario(value.config, actions.toMutableList().also { it[i] = simpler })
      }
    }
    candidates += smallerMaps(value.config).map { Scenario(it, actions) }
    return candidates
  }

  private fun smallerMaps(config: MapConfig): List<MapConfig> {
    val length = config.mapLength.toLong()
    val shorter =
      listOf(1L, pageSize.toLong(), length / 2).filter { it in 1 until length }.distinct()
    return when (config.backing) {
      Backing.ANONYMOUS -> shorter.map { config.copy(length = it) }
      // A file of exactly offset + n bytes mapped to its end reads best in a script.
      Backing.FILE -> shorter.map { config.copy(fileLength = config.offset + it, length = 0) }
      Backing.SPARSE -> shorter.map { config.copy(length = it) }
    }
  }
}
