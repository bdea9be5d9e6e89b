package io.github.mmap4j.kotlin

import io.github.mmap4j.Access
import io.github.mmap4j.Mmap
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicLong
import kotlin.system.exitProcess

/**
 * The child of [SequencesUnderCloseTest]: rounds in which the Kotlin sequences `lines()`,
 * `forEachLine { }` and `findAll()` are consumed while another thread closes the map — the
 * creator's thread or a guest's. Every line and match must be the expected one; the only failure
 * allowed is `IllegalStateException("mmap closed or invalid")`, out of the sequence. Prints `ok
 * rounds=… items=… closes=… racing=…`; exits 3 after a failure, 4 if a round hangs for 60 s.
 *
 * Arguments: the minimum number of rounds, the milliseconds to go on for.
 */
object SequencesUnderCloseStress {
  private const val LINES = 8192
  private const val CLOSED = "mmap closed or invalid"

  private val failures = ConcurrentLinkedQueue<String>()
  private val items = AtomicLong()
  private val racing = AtomicLong()
  @Volatile private var roundStarted = 0L

  @JvmStatic
  fun main(args: Array<String>) {
    val minRounds = args[0].toInt()
    val deadline = System.nanoTime() + args[1].toLong() * 1_000_000
    val dir = Files.createTempDirectory("mmap4j-sequences")
    watchForHangs()
    var round = 0
    while (round < minRounds || System.nanoTime() < deadline) {
      roundStarted = System.nanoTime()
      runRound(dir, round)
      if (failures.isNotEmpty()) {
        System.err.println("round $round failed:")
        failures.forEach(System.err::println)
        exitProcess(3)
      }
      round++
    }
    Files.delete(dir)
    println("ok rounds=$round items=${items.get()} closes=$round racing=${racing.get()}")
    exitProcess(0)
  }

  private fun line(round: Int, k: Long): String = "%07d:%07d\n".format(round, k)

  private fun prefix(round: Int): ByteArray = "%07d:".format(round).toByteArray()

  private fun runRound(dir: Path, round: Int) {
    val file = dir.resolve("lines-$round.txt")
    Files.write(file, (0 until LINES).joinToString("") { line(round, it.toLong()) }.toByteArray())
    val map = Mmap.open(file, Access.WRITE)
    val progressed = CountDownLatch(1)
    val threads = mutableListOf<Thread>()
    fun guest(body: () -> Unit) = Thread.ofPlatform().start(body).also { threads += it }
    fun closeAfterProgress() {
      progressed.await()
      Thread.sleep(0, (round * 7919) % 1_000_000)
      map.close()
    }
    when (round % 4) {
      0 -> { // the creator reads lines(), a guest closes
        guest { closeAfterProgress() }
        consumeLines(map, round, progressed)
      }
      1 -> { // a guest reads lines(), the creator closes
        guest { consumeLines(map, round, progressed) }
        closeAfterProgress()
      }
      2 -> { // two guests read findAll(), a third closes, the creator is idle
        repeat(2) { guest { consumeMatches(map, round, progressed) } }
        guest { closeAfterProgress() }
      }
      else -> { // the creator uses forEachLine { }, a guest reads findAll(), another closes
        guest { consumeMatches(map, round, progressed) }
        guest { closeAfterProgress() }
        consumeWithForEachLine(map, round, progressed)
      }
    }
    threads.forEach { it.join() }
    Files.delete(file)
  }

  /** Reads the lines from the start over and over until the map is closed. */
  private fun consumeLines(map: Mmap, round: Int, progressed: CountDownLatch) = untilClosed {
    var done = 0L
    while (true) {
      map.seek(0)
      map.lines().forEachIndexed { k, bytes ->
        expect(bytes.decodeToString() == line(round, k.toLong())) {
          "line $k: ${bytes.decodeToString()}"
        }
        if (++done == 64L) progressed.countDown()
        items.incrementAndGet()
      }
    }
  }

  private fun consumeWithForEachLine(map: Mmap, round: Int, progressed: CountDownLatch) =
    untilClosed {
      var done = 0L
      while (true) {
        map.seek(0)
        var k = 0L
        map.forEachLine { bytes ->
          expect(bytes.decodeToString() == line(round, k)) {
            "forEachLine $k: ${bytes.decodeToString()}"
          }
          k++
          if (++done == 64L) progressed.countDown()
          items.incrementAndGet()
        }
      }
    }

  /** Collects the line starts with findAll(), through a sequence chain, until the map is closed. */
  private fun consumeMatches(map: Mmap, round: Int, progressed: CountDownLatch) = untilClosed {
    var done = 0L
    while (true) {
      val starts = map.findAll(prefix(round)).map { it / 16 }.withIndex()
      for ((k, line) in starts) {
        expect(line == k.toLong()) { "match $k is line $line" }
        if (++done == 64L) progressed.countDown()
        items.incrementAndGet()
      }
    }
  }

  /** Runs [body] until it throws; only the documented closed error may end it. */
  private fun untilClosed(body: () -> Unit) {
    try {
      body()
    } catch (e: IllegalStateException) {
      if (e.message == CLOSED) racing.incrementAndGet() else fail("unexpected $e", e)
    } catch (e: Throwable) {
      fail("unexpected $e", e)
    }
  }

  private inline fun expect(ok: Boolean, message: () -> String) {
    if (!ok) {
      fail(message(), null)
      throw IllegalStateException(CLOSED) // stop this consumer; the failure is recorded
    }
  }

  private fun fail(message: String, cause: Throwable?) {
    failures +=
      "${Thread.currentThread()}: $message" + (cause?.stackTraceToString()?.let { "\n$it" } ?: "")
  }

  private fun watchForHangs() {
    Thread.ofPlatform().daemon().start {
      while (true) {
        Thread.sleep(1000)
        val started = roundStarted
        if (started != 0L && System.nanoTime() - started > 60_000_000_000L) {
          System.err.println("HANG: a round ran for 60 s")
          Thread.getAllStackTraces().forEach { (t, frames) ->
            System.err.println(t.toString() + frames.joinToString("") { "\n\tat $it" })
          }
          exitProcess(4)
        }
      }
    }
  }
}
