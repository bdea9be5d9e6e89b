// The logsearch sample's three searches in Kotlin; LogSearchCommand runs them with --kotlin (the
// log generator, the timing and the table are shared with the Java version).
package io.github.mmap4j.samples

import io.github.mmap4j.kotlin.find
import io.github.mmap4j.kotlin.findAll
import io.github.mmap4j.kotlin.get
import io.github.mmap4j.kotlin.mmap
import io.github.mmap4j.kotlin.rfind
import java.nio.file.Files
import java.nio.file.Path
import org.apache.commons.io.IOUtils

/** The Kotlin searches, in the order of the timing table. */
object LogSearchKotlin {
  @JvmStatic
  fun searches(): List<LineSearch> =
    listOf(MmapLineSearchKotlin(), BufferedReaderSearchKotlin(), LineIteratorSearchKotlin())
}

private const val NEWLINE = '\n'.code.toByte()

/**
 * `findAll` walks the occurrences of the word; `rfind`/`find` of `\n` bound each one's line; the
 * newlines in between are counted in bulk. Lines without the word are never read.
 */
class MmapLineSearchKotlin : LineSearch {
  override fun method() = "mmap4j find + rfind/find of \\n"

  override fun search(log: Path, word: String, keep: Int, progress: Progress): LineMatches {
    val needle = word.encodeToByteArray()
    val matches = LineMatches(keep)
    log.mmap { m -> // Access.READ, the whole file; closed when the block ends
      val n = m.length()
      val newlines = NewlineCounter(m)
      var lineNumber = 1L
      var lineNumberAt = 0L // where line `lineNumber` starts
      var nextLine = 0L // the first byte after the last line reported
      for (hit in m.findAll(needle)) {
        if (hit < nextLine) continue // the word again on a line already reported
        val start = maxOf(nextLine, m.rfind(NEWLINE, nextLine, hit) + 1)
        val end = m.find(NEWLINE, hit + needle.size, n).let { if (it < 0) n else it }
        lineNumber += newlines.count(lineNumberAt, start)
        lineNumberAt = start
        if (matches.wantsText()) {
          matches.add(lineNumber, m[start..<minOf(end, start + 4096)].decodeToString())
        } else {
          matches.add(lineNumber)
        }
        nextLine = end + 1
        progress.stepTo(minOf(nextLine, n))
      }
      progress.stepTo(n)
    }
    return matches
  }
}

/** `BufferedReader.readLine` through Kotlin's `useLines`. */
class BufferedReaderSearchKotlin : LineSearch {
  override fun method() = "BufferedReader.readLine"

  override fun search(log: Path, word: String, keep: Int, progress: Progress): LineMatches {
    val matches = LineMatches(keep)
    progress.track(Files.newInputStream(log)).bufferedReader().useLines { lines ->
      var lineNumber = 0L
      for (line in lines) {
        lineNumber++
        if (word in line) matches.add(lineNumber, line)
      }
    }
    return matches
  }
}

/** Commons IO's `LineIterator`. */
class LineIteratorSearchKotlin : LineSearch {
  override fun method() = "Commons IO LineIterator"

  override fun search(log: Path, word: String, keep: Int, progress: Progress): LineMatches {
    val matches = LineMatches(keep)
    IOUtils.lineIterator(progress.track(Files.newInputStream(log)), Charsets.UTF_8).use { lines ->
      var lineNumber = 0L
      for (line in lines) {
        lineNumber++
        if (word in line) matches.add(lineNumber, line)
      }
    }
    return matches
  }
}
