package io.github.mmap4j.fuzz

import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * Runs scenarios on CPython (`python3`, 3.11 here) and compares every step with [ReferenceMmap],
 * which keeps the model honest. All scenarios of a batch run in one interpreter.
 *
 * CPython 3.11 differs from the 3.13 semantics mmap4j follows in three places, rendered around:
 * `seek` returns None (the oracle compares the position instead), `seekable` is missing, and
 * growing a shared anonymous map or `resize(0)` crash the interpreter later (see
 * [ResizeAction.oracle]).
 */
class CPythonOracle(
  private val python: String = "python3",
  private val pageSize: Int = PageSize.VALUE,
) {
  /** Null if [python] runs, else why it does not. */
  fun unavailableBecause(): String? = runCatching {
    val process = ProcessBuilder(python, "-c", "import mmap").redirectErrorStream(true).start()
    if (!process.waitFor(30, TimeUnit.SECONDS)) "$python did not answer in 30 s"
    else if (process.exitValue() != 0) "$python cannot import mmap" else null
  }
    .getOrElse { "$python cannot be started: ${it.message}" }

  /** The first difference of each scenario (null where CPython and the model agree). */
  fun check(scenarios: List<Scenario>): List<Divergence?> {
    val output = run(script(scenarios))
    val lines = output.stdout.lines().iterator()
    return scenarios.map { scenario -> compare(scenario, lines, output.stderr) }
  }

  /** Greedy shrinking with [ScenarioShrinker], one interpreter per candidate. */
  fun shrink(divergence: Divergence, budget: Int = 400): Divergence {
    var best = divergence
    var runs = 0
    var progress = true
    while (progress && runs < budget) {
      progress = false
      for (candidate in ScenarioShrinker(pageSize).shrink(best.scenario)) {
        if (++runs > budget) break
        val found = check(listOf(candidate)).single() ?: continue
        best = found
        progress = true
        break
      }
    }
    return best
  }

  private fun compare(scenario: Scenario, lines: Iterator<String>, stderr: String): Divergence? {
    val model = scenario.config.newModel(pageSize)
    scenario.actions.forEachIndexed { step, action ->
      val expected = Observation.of(model, action)
      if (!lines.hasNext()) {
        return Divergence(
          scenario,
          step,
          "output",
          "a line",
          "nothing: ${stderr.takeLast(500)}",
          CPYTHON,
        )
      }
      val actual =
        parse(lines.next()).let {
          if (kindOnly(action, expected, it)) it.copy(outcome = expected.outcome) else it
        }
      val difference = expected.firstDifference(actual) ?: return@forEachIndexed
      skipRest(lines, scenario.actions.size - step)
      return Divergence(
        scenario,
        step,
        difference.first,
        difference.second,
        difference.third,
        CPYTHON,
      )
    }
    model.close()
    val expected =
      model.file()?.let { Observation.ofFile(it.length, it.bytes) } ?: Observation.ANONYMOUS_FILE
    val actual = if (lines.hasNext()) lines.next().removePrefix("F\t") else "nothing"
    if (expected == actual) return null
    return Divergence(scenario, scenario.actions.size, "file", expected, actual, CPYTHON)
  }

  /**
   * Whether both raised the same kind of exception where only the kind is compared
   * ([Action.oracleComparesKindOnly]); a difference then still shows both whole messages.
   */
  private fun kindOnly(action: Action, expected: Observation, actual: Observation): Boolean {
    if (!action.oracleComparesKindOnly) return false
    val kind = { outcome: String -> EXCEPTION.matchEntire(outcome)?.groupValues?.get(1) }
    return kind(expected.outcome) != null && kind(expected.outcome) == kind(actual.outcome)
  }

  /** Skips the rest of a scenario's lines (its remaining steps and its `F` line). */
  private fun skipRest(lines: Iterator<String>, count: Int) {
    repeat(count) { if (lines.hasNext()) lines.next() }
  }

  private fun parse(line: String): Observation {
    val fields = line.split('\t').map(::field)
    require(fields.size == 4) { "unexpected line from $python: $line" }
    return Observation(fields[0], fields[1], fields[2], fields[3])
  }

  private fun field(text: String): String =
    if (text.startsWith("R")) text.substring(1)
    else
      text.substring(1).split(": ", limit = 2).let {
        Outcome.fromPython(it[0], it.getOrElse(1) { "" })
      }

  private fun script(scenarios: List<Scenario>): String {
    val out = StringBuilder(PRELUDE).append(ADDITIONS_PYTHON).append(BEYOND_PYTHON)
    for (scenario in scenarios) {
      val config = scenario.config
      if (config.backing == Backing.ANONYMOUS) {
        out.append(
          "f = None; m = mmap.mmap(-1, ${config.length}, access=${config.access.python})\n"
        )
      } else {
        val content = config.content.python(Math.toIntExact(config.fileLength - config.base))
        out
          .append("f, m = fmap(${config.fileLength}, ${config.base}, $content, ")
          .append("${config.length}, ${config.access.python}, ${config.offset})\n")
      }
      for (action in scenario.actions) out
        .append("S(lambda: ")
        .append(action.oracle(config))
        .append(")\n")
      out.append("fin(f, ${config.base})\n")
    }
    return out.toString()
  }

  private class Output(val stdout: String, val stderr: String)

  private fun run(script: String): Output {
    val dir = Files.createTempDirectory("mmap4j-oracle")
    try {
      val file = dir.resolve("oracle.py")
      Files.writeString(file, script)
      val process =
        ProcessBuilder(python, file.toString())
          .redirectOutput(dir.resolve("out.txt").toFile())
          .redirectError(dir.resolve("err.txt").toFile())
          .start()
      check(process.waitFor(10, TimeUnit.MINUTES)) { "$python ran for more than 10 minutes" }
      return Output(
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")),
      )
    } finally {
      dir.toFile().deleteRecursively()
    }
  }

  private companion object {
    const val CPYTHON = "CPython"

    /** An [Outcome] text of an exception: its class, then the message. */
    val EXCEPTION = Regex("(\\w+(?:Exception|Error)): .*", RegexOption.DOT_MATCHES_ALL)

    val PRELUDE =
      """
      |import atexit, errno, mmap, os, shutil, tempfile, zlib
      |MAX = 9223372036854775807
      |work = tempfile.mkdtemp()
      |atexit.register(shutil.rmtree, work, True)  # the sparse files are 4 GiB long
      |path = os.path.join(work, 'fuzz.bin')
      |
      |def ob(fn):
      |    try:
      |        r = fn()
      |        return 'R' + (r if isinstance(r, str) else repr(r))
      |    except Exception as e:
      |        return 'E%s: %s' % (type(e).__name__, e)
      |
      |def S(fn):
      |    print(ob(fn), ob(lambda: m.tell()), ob(lambda: len(m)),
      |          ob(lambda: '%08x' % zlib.crc32(m[0:MAX])), sep='\t')
      |
      |def sk(m, *args):
      |    m.seek(*args)
      |    return m.tell()
      |
      |def java_repr(m):
      |    r = repr(m)
      |    if 'closed=True' in r:
      |        return 'Mmap[closed=true]'
      |    d = dict(kv.split('=') for kv in r[r.index(' ') + 1:-1].split(', '))
      |    return 'Mmap[closed=false, access=%s, length=%s, pos=%s, offset=%s]' % (
      |        d['access'][len('ACCESS_'):], d['length'], d['pos'], d['offset'])
      |
      |def resize_anonymous(m, n):
      |    len(m)  # the closed check comes first
      |    if n > len(m):  # 3.11 would "succeed" and die of SIGBUS later
      |        raise ValueError("mmap: can't expand a shared anonymous mapping on Linux")
      |    m.resize(n)
      |
      |def resize_zero(m):
      |    len(m)  # 3.11 would truncate the file first and die of SIGBUS later
      |    raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
      |
      |def fmap(file_length, base, content, length, access, offset):
      |    f = open(path, 'w+b')
      |    f.truncate(file_length)
      |    f.seek(base)
      |    f.write(content)
      |    f.flush()
      |    return f, mmap.mmap(f.fileno(), length, access=access, offset=offset)
      |
      |def fin(f, base):
      |    m.close()
      |    if f is None:
      |        print('F\tanonymous')
      |        return
      |    n = os.fstat(f.fileno()).st_size
      |    f.seek(base)
      |    print('F\tlength=%d crc=%08x' % (n, zlib.crc32(f.read())))
      |    f.close()
      |
      |"""
        .trimMargin()
  }
}
