// Kotlin operators and `mmap { }` blocks for Mmap. Every declaration is one call into
// mmap4j-core: the checks, the index arithmetic and the error messages all live there (a `last + 1`
// here would turn -4..-1 into [-4, 0)). Ranges keep Kotlin's meaning: `a..b` includes `b`, `a..<b`
// does not, so Python's m[13:28] is m[13..<28].
@file:JvmName("MmapExtensions")

package io.github.mmap4j.kotlin

import io.github.mmap4j.Access
import io.github.mmap4j.Mmap
import java.io.File
import java.nio.channels.FileChannel
import java.nio.charset.Charset
import java.nio.file.Path

/**
 * Maps this file; Kotlin form of [Mmap.open]. The caller closes the map.
 *
 * ```kotlin
 * val m = Path.of("myfile.txt").mmap(Access.WRITE, length = 40)
 * ```
 */
public fun Path.mmap(access: Access = Access.READ, length: Long = 0, offset: Long = 0): Mmap =
  Mmap.open(this, length, access, offset)

/**
 * Maps this file, runs [block] and always closes the map, also when [block] throws; Kotlin form of
 * [Mmap.open] in a try-with-resources.
 *
 * ```kotlin
 * val head = Path.of("myfile.txt").mmap { m -> m[0..<20] }
 * ```
 */
public inline fun <R> Path.mmap(
  access: Access = Access.READ,
  length: Long = 0,
  offset: Long = 0,
  block: (Mmap) -> R,
): R = Mmap.open(this, length, access, offset).use(block)

/**
 * Maps this file; Kotlin form of [Mmap.open]. The caller closes the map.
 *
 * ```kotlin
 * val m = File("myfile.txt").mmap()
 * ```
 */
public fun File.mmap(access: Access = Access.READ, length: Long = 0, offset: Long = 0): Mmap =
  Mmap.open(toPath(), length, access, offset)

/**
 * Maps this file, runs [block] and always closes the map, also when [block] throws.
 *
 * ```kotlin
 * File("myfile.txt").mmap(Access.WRITE, length = 40) { m -> m.write("Hello, world!") }
 * ```
 */
public inline fun <R> File.mmap(
  access: Access = Access.READ,
  length: Long = 0,
  offset: Long = 0,
  block: (Mmap) -> R,
): R = Mmap.open(toPath(), length, access, offset).use(block)

/**
 * Maps the file behind this channel; Kotlin form of [Mmap.map] (CPython's `mmap.mmap(fileno, …)`,
 * so the default access is [Access.DEFAULT]). The channel stays the caller's.
 *
 * ```kotlin
 * FileChannel.open(path, READ, WRITE).use { ch -> ch.mmap().use { m -> m[0] = 'A'.code } }
 * ```
 */
public fun FileChannel.mmap(
  length: Long = 0,
  access: Access = Access.DEFAULT,
  offset: Long = 0,
): Mmap = Mmap.map(this, length, access, offset)

/**
 * Zero-filled memory with no file behind it; Kotlin form of [Mmap.anonymous].
 *
 * ```kotlin
 * anonymousMmap(4096).use { m -> m.write("scratch") }
 * ```
 */
public fun anonymousMmap(length: Long, access: Access = Access.DEFAULT): Mmap =
  Mmap.anonymous(length, access)

/**
 * Kotlin operator for [Mmap.get] with an `Int` index.
 *
 * ```kotlin
 * val first: Int = m[0] // 0..255; m[-1] is the last byte
 * ```
 */
public operator fun Mmap.get(index: Int): Int = get(index.toLong())

/**
 * Kotlin operator for [Mmap.set] with an `Int` index.
 *
 * ```kotlin
 * m[0] = 'H'.code
 * ```
 */
public operator fun Mmap.set(index: Int, value: Int): Unit = set(index.toLong(), value)

/**
 * Kotlin operator for [Mmap.set] with a `Byte` value, stored as its unsigned bits (`-1` is 255).
 *
 * ```kotlin
 * m[0] = 0x48.toByte()
 * ```
 */
public operator fun Mmap.set(index: Int, value: Byte): Unit =
  set(index.toLong(), value.toUByte().toInt())

/**
 * Kotlin operator for [Mmap.set] with a `Long` index and a `Byte` value (`-1` is stored as 255).
 *
 * ```kotlin
 * m[3_000_000_000L] = 0x7f.toByte()
 * ```
 */
public operator fun Mmap.set(index: Long, value: Byte): Unit = set(index, value.toUByte().toInt())

/**
 * The bytes at the indices of [range], both ends included; Kotlin operator for [Mmap.sliceClosed].
 * Python's `m[13:28]` is `m[13..<28]`; `m[13..28]` is 16 bytes.
 *
 * ```kotlin
 * val head = m[0..<20]
 * ```
 */
public operator fun Mmap.get(range: IntRange): ByteArray =
  sliceClosed(range.first.toLong(), range.last.toLong(), range.step.toLong())

/**
 * [get] with a `LongRange`, for maps beyond 2 GiB.
 *
 * ```kotlin
 * val straddle = m[(1L shl 31) - 4..<(1L shl 31) + 4]
 * ```
 */
public operator fun Mmap.get(range: LongRange): ByteArray =
  sliceClosed(range.first, range.last, range.step)

/**
 * Assigns [bytes] to the indices of [range], both ends included; Kotlin operator for
 * [Mmap.setSliceClosed]. Python's `m[13:28] = b` is `m[13..<28] = b`.
 *
 * ```kotlin
 * m[13..<28] = "Goodbye, world!".toByteArray()
 * ```
 */
public operator fun Mmap.set(range: IntRange, bytes: ByteArray): Unit =
  setSliceClosed(range.first.toLong(), range.last.toLong(), range.step.toLong(), bytes)

/**
 * [set] with a `LongRange`, for maps beyond 2 GiB.
 *
 * ```kotlin
 * m[3_000_000_000L..<3_000_000_004L] = byteArrayOf(1, 2, 3, 4)
 * ```
 */
public operator fun Mmap.set(range: LongRange, bytes: ByteArray): Unit =
  setSliceClosed(range.first, range.last, range.step, bytes)

/**
 * The bytes at the indices of [progression] in its order; Kotlin operator for [Mmap.sliceClosed].
 * Python's `m[8:1:-2]` is `m[8 downTo 2 step 2]`.
 *
 * ```kotlin
 * val everyOther = m[0..<m.length().toInt() step 2]
 * ```
 */
public operator fun Mmap.get(progression: IntProgression): ByteArray =
  sliceClosed(progression.first.toLong(), progression.last.toLong(), progression.step.toLong())

/**
 * Assigns [bytes] to the indices of [progression] in its order; Kotlin operator for
 * [Mmap.setSliceClosed].
 *
 * ```kotlin
 * m[9 downTo 0] = "abcdefghij".toByteArray() // stored back to front
 * ```
 */
public operator fun Mmap.set(progression: IntProgression, bytes: ByteArray): Unit =
  setSliceClosed(
    progression.first.toLong(),
    progression.last.toLong(),
    progression.step.toLong(),
    bytes,
  )

/**
 * Whether [needle] occurs anywhere in the map; Kotlin operator for [Mmap.contains]. Kotlin already
 * uses the Java member for `in`; this declaration gives Java callers of the DSL the same name.
 *
 * ```kotlin
 * if ("world".toByteArray() in m) println("found")
 * ```
 */
@Suppress("EXTENSION_SHADOWED_BY_MEMBER")
public operator fun Mmap.contains(needle: ByteArray): Boolean = contains(needle)

/**
 * The valid indices, `0 until length()`.
 *
 * ```kotlin
 * for (i in m.indices) total += m[i]
 * ```
 */
public val Mmap.indices: LongRange
  get() = 0L until length()

/**
 * The lines from the position on, each as [Mmap.readLine] returns it (with its `\n`); reading
 * advances the position. Kotlin form of Python's `iter(m.readline, b"")`.
 *
 * ```kotlin
 * val count = m.lines().count()
 * ```
 */
public fun Mmap.lines(): Sequence<ByteArray> = lineIterator().asSequence()

/**
 * Runs [action] on each line from the position on, as [lines] yields them.
 *
 * ```kotlin
 * m.forEachLine { line -> print(line.toString(Charsets.UTF_8)) }
 * ```
 */
public inline fun Mmap.forEachLine(action: (ByteArray) -> Unit): Unit =
  lineIterator().forEach(action)

/**
 * The start indices of the non-overlapping occurrences of [needle] in the whole map, ascending;
 * Kotlin form of [Mmap.findAllIndices].
 *
 * ```kotlin
 * val hits: List<Long> = m.findAll("world".toByteArray()).toList()
 * ```
 */
public fun Mmap.findAll(needle: ByteArray): Sequence<Long> = findAllIndices(needle).asSequence()

/**
 * [Mmap.find] for text: where [text], encoded with [charset], first occurs from the position on, or
 * -1. Python's `m.find(b"world")`.
 *
 * ```kotlin
 * val at: Long = m.find("world")
 * ```
 */
public fun Mmap.find(text: String, charset: Charset = Charsets.UTF_8): Long =
  find(text.toByteArray(charset))

/**
 * [Mmap.rfind] for text: where [text], encoded with [charset], last occurs from the position on, or
 * -1. Python's `m.rfind(b"world")`.
 *
 * ```kotlin
 * val at: Long = m.rfind("world")
 * ```
 */
public fun Mmap.rfind(text: String, charset: Charset = Charsets.UTF_8): Long =
  rfind(text.toByteArray(charset))

/**
 * [Mmap.find] for one byte: where [byte] first occurs from the position on, or -1. Python's
 * `m.find(b"\n")`.
 *
 * ```kotlin
 * val lineEnd: Long = m.find('\n'.code.toByte())
 * ```
 */
public fun Mmap.find(byte: Byte): Long = find(byteArrayOf(byte))

/**
 * [Mmap.rfind] for one byte: where [byte] last occurs from the position on, or -1.
 *
 * ```kotlin
 * val lastLineEnd: Long = m.rfind('\n'.code.toByte())
 * ```
 */
public fun Mmap.rfind(byte: Byte): Long = rfind(byteArrayOf(byte))

/**
 * [Mmap.find] for one byte in `[start, end)`, bounds as in [Mmap.find]. Python's `m.find(b"\n",
 * start, end)`.
 *
 * ```kotlin
 * val lineEnd: Long = m.find('\n'.code.toByte(), hit, m.length())
 * ```
 */
public fun Mmap.find(byte: Byte, start: Long, end: Long): Long = find(byteArrayOf(byte), start, end)

/**
 * [Mmap.rfind] for one byte in `[start, end)`, bounds as in [Mmap.rfind]. Python's `m.rfind(b"\n",
 * start, end)`.
 *
 * ```kotlin
 * val lineStart: Long = m.rfind('\n'.code.toByte(), 0, hit) + 1
 * ```
 */
public fun Mmap.rfind(byte: Byte, start: Long, end: Long): Long =
  rfind(byteArrayOf(byte), start, end)

/**
 * Writes [text] encoded in [charset] at the position; [Mmap.write] for strings. Returns the number
 * of bytes written.
 *
 * ```kotlin
 * m.write("Hello, world!") // 13
 * ```
 */
public fun Mmap.write(text: String, charset: Charset = Charsets.UTF_8): Int =
  write(text.toByteArray(charset))

/**
 * The rest of the map from the position, decoded with [charset]; [Mmap.read] for strings.
 *
 * ```kotlin
 * val text = m.readString()
 * ```
 */
public fun Mmap.readString(charset: Charset = Charsets.UTF_8): String = read().toString(charset)

/**
 * The next line (with its `\n`, empty at the end), decoded with [charset]; [Mmap.readLine] for
 * strings.
 *
 * ```kotlin
 * val header = m.readLineString()
 * ```
 */
public fun Mmap.readLineString(charset: Charset = Charsets.UTF_8): String =
  readLine().toString(charset)
