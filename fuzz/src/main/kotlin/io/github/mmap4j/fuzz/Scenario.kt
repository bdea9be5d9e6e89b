package io.github.mmap4j.fuzz

/** One generated test case: how to make the map, then the actions to run on it. */
class Scenario(val config: MapConfig, val actions: List<Action>) {
  /**
   * The scenario as a script to paste into `python3` (interactive: every expression echoes its
   * value, and an exception does not stop the lines after it). [notes] adds a comment to the line
   * of the action with that index; index [actions].size comments the final file check.
   */
  fun pythonScript(notes: Map<Int, String> = emptyMap()): String {
    val lines = mutableListOf("import mmap, os, tempfile", "# $config")
    if (actions.any { it is AdditionAction }) lines += ADDITIONS_PYTHON.trimEnd()
    if (actions.any { it is BeyondCPythonAction }) lines += BEYOND_PYTHON.trimEnd()
    lines += config.pythonSetup()
    actions.forEachIndexed { i, action ->
      lines += action.python + (notes[i]?.let { "  # $it" } ?: "")
    }
    notes[actions.size]?.let {
      lines += "m.close()"
      lines += "# after close: $it"
    }
    return lines.joinToString("\n")
  }

  override fun toString(): String = "Scenario($config, ${actions.size} actions)"
}
