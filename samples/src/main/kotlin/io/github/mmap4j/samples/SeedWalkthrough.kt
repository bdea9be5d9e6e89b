// The seed tutorial (a short web tutorial on Python's mmap: read a file as a file, as a byte
// string, then write to it), step by step with the mmap4j Kotlin DSL. Same steps and results as
// the Java SeedWalkthrough; run it as
// io.github.mmap4j.samples.SeedWalkthroughKt [path/to/myfile.txt].
package io.github.mmap4j.samples

import io.github.mmap4j.Access
import io.github.mmap4j.kotlin.get
import io.github.mmap4j.kotlin.mmap
import io.github.mmap4j.kotlin.readLineString
import io.github.mmap4j.kotlin.set
import io.github.mmap4j.kotlin.write
import io.github.mmap4j.samples.PythonBytes.repr
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.createTempDirectory
import kotlin.io.path.deleteRecursively
import kotlin.io.path.readBytes
import kotlin.io.path.writeText

/**
 * Runs the walkthrough on `args[0]`, or in a temporary directory that is removed afterwards.
 *
 * ```
 * java --enable-native-access=ALL-UNNAMED -cp … io.github.mmap4j.samples.SeedWalkthroughKt
 * ```
 */
@OptIn(kotlin.io.path.ExperimentalPathApi::class)
fun main(args: Array<String>) {
  if (args.isNotEmpty()) return walk(Path.of(args[0]))
  val dir = createTempDirectory("mmap4j-seed")
  try {
    walk(dir.resolve("myfile.txt"))
  } finally {
    dir.deleteRecursively()
  }
}

private fun walk(file: Path) {
  file.writeText(SeedWalkthrough.CONTENT, Charsets.US_ASCII)
  println("# mmap4j (Kotlin) walkthrough of the seed tutorial, file $file")
  println("# myfile.txt holds ${repr(file.readBytes())}")
  asFile(file)
  asByteString(file)
  write(file)
}

/** "As file objects": read, readline, seek and tell. `mmap { }` closes like Python's `with`. */
private fun asFile(file: Path) {
  println()
  println("## Reading as a file: file.mmap(Access.READ) { m -> ... }")
  file.mmap(Access.READ) { m ->
    println("m.readline()          -> ${repr(m.readLine())}")
    println(
      "m.readline().decode() -> ${m.readLineString().trimEnd()}   # Kotlin: m.readLineString()"
    )
    println("m.tell()              -> ${m.tell()}")
    println("m.seek(0)             -> ${m.seek(0)}")
    println("m.read()              -> ${repr(m.read())}")
    // find() starts at the position (mmap_find in CPython's Modules/mmapmodule.c); read() moved
    // it to the end, so the tutorial's read-then-find gives -1 in CPython and here alike.
    println("m.find(b'world')      -> ${m.find("world".toByteArray())}   # searches from tell()!")
    println("m.find(b'world', 0)   -> ${m.find("world".toByteArray(), 0)}")
  }
}

/** "As byte strings": Kotlin ranges keep Kotlin's meaning, so Python's m[:20] is m[0..<20]. */
private fun asByteString(file: Path) {
  println()
  println("## Reading as a byte string")
  // Path.mmap() defaults to Access.READ, as the tutorial claims for Python; CPython's real default
  // is ACCESS_DEFAULT (read+write), which fails with PermissionError on a file opened with 'r'.
  file.mmap { m ->
    println("m[:20]                -> ${repr(m[0..<20])}   # Kotlin: m[0..<20]")
    println(
      "m[19::-4]             -> ${repr(m[19 downTo 0 step 4])}   # Kotlin: m[19 downTo 0 step 4]"
    )
    println("m.find(b'world')      -> ${m.find("world".toByteArray())}")
    println("m.rfind(b'world')     -> ${m.rfind("world".toByteArray())}")
    // CPython's `b'world' in m` compares single bytes (False); mmap4j's `in` is a substring search.
    println("m.find(b'world', 0) >= 0 -> ${"world".toByteArray() in m}   # Kotlin: bytes in m")
  }
}

/** "Writing to a file": a 40-byte WRITE map (the file must hold at least 40 bytes). */
private fun write(file: Path) {
  println()
  println("## Writing: file.mmap(Access.WRITE, length = 40) { m -> ... }")
  file.mmap(Access.WRITE, length = 40) { m ->
    println("m.write(\"Hello, world!\")           -> ${m.write("Hello, world!")}")
    val goodbye = "Goodbye, world!".toByteArray()
    // Kotlin's 13..28 includes 28: 16 bytes for a 15-byte value, so core refuses it.
    try {
      m[13..28] = goodbye
    } catch (e: IllegalArgumentException) {
      println("m[13..28] = goodbye                 -> ${e.javaClass.simpleName}: ${e.message}")
    }
    m[13..<28] = goodbye
    println("m[13..<28] = goodbye                # Python: m[13:28] = b'Goodbye, world!'")
    println("m[:28]:")
    println(m[0..<28].decodeToString())
  }
  println("file afterwards       -> ${repr(Files.readAllBytes(file))}")
}
