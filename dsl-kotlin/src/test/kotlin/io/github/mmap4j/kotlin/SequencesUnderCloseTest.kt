package io.github.mmap4j.kotlin

import java.io.File
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.fail
import org.junit.jupiter.api.Test

/**
 * The Kotlin sequences over a map — `lines()`, `forEachLine { }`, `findAll()` — consumed while
 * another thread closes the map (the creator's or a guest's) never crash or hang, yield only the
 * map's real lines and matches, and end with the documented `IllegalStateException("mmap closed or
 * invalid")`. Runs [SequencesUnderCloseStress] in a child JVM, so that a crash fails the test.
 *
 * Sharpness: the test asserts that consumers were in the middle of a sequence when the close came
 * (`racing`), not only that nothing went wrong.
 *
 * `-Preliability-long` (system property `mmap4j.reliability.minutes`) runs it for a tenth of the
 * long run's minutes; core's reliability tests share the rest.
 */
class SequencesUnderCloseTest {
  @Test
  fun sequencesConsumedWhileAnotherThreadClosesTheMap() {
    val minutes =
      System.getProperty("mmap4j.reliability.minutes", "").trim().toDoubleOrNull() ?: 0.0
    val millis = if (minutes > 0) (minutes * 0.10 * 60_000).toLong() else 1_500L
    val rounds = 12
    val out = File.createTempFile("sequences", ".out")
    val err = File.createTempFile("sequences", ".err")
    try {
      val process =
        ProcessBuilder(
            System.getProperty("java.home") + "/bin/java",
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx256m",
            "-XX:ErrorFile=" +
              System.getProperty("java.io.tmpdir") +
              "/mmap4j-child-hs_err_pid%p.log",
            "-cp",
            System.getProperty("java.class.path"),
            SequencesUnderCloseStress::class.java.name,
            rounds.toString(),
            millis.toString(),
          )
          .redirectOutput(out) // files, not pipes: the child can never block on a full pipe
          .redirectError(err)
          .start()
      if (!process.waitFor(millis + 300_000, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor()
        fail("the child did not finish\n${out.readText()}\n${err.readText()}")
      }
      val stdout = out.readText()
      assertEquals(
        0,
        process.exitValue(),
        "the child failed or crashed\n$stdout\n${err.readText()}",
      )
      val summary = stdout.lines().first { it.startsWith("ok ") }
      val figures =
        summary.split(" ").drop(1).associate {
          it.substringBefore('=') to it.substringAfter('=').toLong()
        }
      assertTrue(figures.getValue("rounds") >= rounds, summary)
      assertTrue(
        figures.getValue("racing") >= figures.getValue("rounds") / 2,
        "consumers were seldom in the middle of a sequence at the close: $summary",
      )
      println(
        "reliability | kotlin sequences under close | operations=${figures["items"]} | " +
          "faults injected=${figures["closes"]} | kills=0 | failures=0"
      )
    } finally {
      out.delete()
      err.delete()
    }
  }
}
