package io.github.mmap4j.kotlin

import io.github.mmap4j.Access
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.file.Files
import kotlin.io.path.Path
import kotlin.test.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The README's Kotlin quick start, compiled with the README's imports (`kotlin.io.path.Path`, not
 * `java.nio.file.Path`) and run: a user who copies it gets code that compiles and prints what the
 * README says. Only the file name is a parameter here.
 */
class ReadmeQuickStartTest {
  @TempDir lateinit var dir: java.nio.file.Path

  /** The body of the README's `main`: the same code, without its comments and the file name. */
  private fun quickStart(fileName: String) {
    Path(fileName).mmap(Access.WRITE, length = 40) { m ->
      m.write("Hello, world!")
      m[13..<28] = "Goodbye, world!".encodeToByteArray()
      println(m[0..<28].decodeToString())
    }
  }

  @Test
  fun quickStartPrintsBothGreetingsAndWritesThemToTheFile() {
    val file = Files.writeString(dir.resolve("myfile.txt"), ".".repeat(40))
    val printed = ByteArrayOutputStream()
    val console = System.out
    System.setOut(PrintStream(printed, true, Charsets.UTF_8))
    try {
      quickStart(file.toString())
    } finally {
      System.setOut(console)
    }
    assertEquals("Hello, world!Goodbye, world!", printed.toString(Charsets.UTF_8).trimEnd())
    assertEquals("Hello, world!Goodbye, world!" + ".".repeat(12), Files.readString(file))
  }
}
