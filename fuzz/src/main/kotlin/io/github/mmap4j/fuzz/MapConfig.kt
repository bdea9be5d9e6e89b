package io.github.mmap4j.fuzz

import io.github.mmap4j.Access

/** What a map is made from. */
enum class Backing {
  /** A small regular file (up to a few pages), mapped at offset 0 or PAGESIZE. */
  FILE,
  /** mmap.mmap(-1, length). */
  ANONYMOUS,
  /** A sparse file just over 2^31 or 2^32 bytes, mapped from a few pages below that mark. */
  SPARSE,
}

/**
 * How one scenario's map is made: for files, a file of [fileLength] bytes whose bytes from [base]
 * on are [content] (before [base] zeros, sparse), mapped with `length` [length] (0 = to the end) at
 * [offset]; for anonymous maps only [length] and [access] count.
 */
data class MapConfig(
  val backing: Backing,
  val access: Access,
  val fileLength: Long,
  val base: Long,
  val offset: Long,
  val length: Long,
  val content: Content,
  /**
   * Map through `Mmap.map(FileChannel, …)` (a borrowed channel) instead of `Mmap.open(Path, …)`.
   */
  val viaChannel: Boolean = false,
) {
  /** The map's length once "0 = to the end of the file" is resolved. */
  val mapLength: Int
    get() = Math.toIntExact(if (length == 0L) fileLength - offset else length)

  fun initialFile(): FileImage? =
    if (backing == Backing.ANONYMOUS) null
    else FileImage(base, content.bytes(Math.toIntExact(fileLength - base)))

  fun newModel(pageSize: Int): ReferenceMmap {
    val file = initialFile() ?: return ReferenceMmap.anonymous(mapLength, access, pageSize)
    return ReferenceMmap.ofFile(file, offset, mapLength, access, pageSize)
  }

  /** Python lines that create the same file and map as `f` and `m`. */
  fun pythonSetup(): List<String> =
    if (backing == Backing.ANONYMOUS) {
      listOf("m = mmap.mmap(-1, $length, access=${access.python})")
    } else {
      val content = content.python(Math.toIntExact(fileLength - base))
      listOf(
        "path = os.path.join(tempfile.mkdtemp(), 'fuzz.bin')",
        "f = open(path, 'w+b'); f.truncate($fileLength); f.seek($base); f.write($content); f.flush()",
        "m = mmap.mmap(f.fileno(), $length, access=${access.python}, offset=$offset)",
      )
    }

  override fun toString(): String =
    if (backing == Backing.ANONYMOUS) "anonymous $access length=$length"
    else
      "$backing $access fileLength=$fileLength offset=$offset length=$length content=$content" +
        if (viaChannel) " via FileChannel" else ""
}

/**
 * The initial bytes of a file, from a formula that Python evaluates to the same bytes, so a
 * reproduction script stays short.
 */
data class Content(val style: Style, val multiplier: Int, val addend: Int) {
  enum class Style {
    /** (i * multiplier + addend) % 251: no short period, every byte value below 251. */
    ARITHMETIC,
    /**
     * Lines of text with an empty line, starting [addend] % 20 bytes into the text, so that a map
     * may start with a newline or inside a line.
     */
    TEXT,
    ZEROS,
    /**
     * Runs of one byte ([addend]), each broken by the next byte value every multiplier + 1 bytes:
     * long needles cut from it match almost everywhere but at their last bytes, so candidates of a
     * filtering search pile up.
     */
    RUNS,
  }

  fun bytes(count: Int): ByteArray =
    when (style) {
      Style.ARITHMETIC ->
        ByteArray(count) { ((it.toLong() * multiplier + addend) % 251).toInt().toByte() }
      Style.TEXT -> ByteArray(count) { TEXT[(it + addend % TEXT.size) % TEXT.size] }
      Style.ZEROS -> ByteArray(count)
      Style.RUNS ->
        ByteArray(count) { (addend + if (it % (multiplier + 1) == multiplier) 1 else 0).toByte() }
    }

  fun python(count: Int): String =
    when (style) {
      Style.ARITHMETIC -> "bytes((i * $multiplier + $addend) % 251 for i in range($count))"
      Style.TEXT -> {
        val skip = addend % TEXT.size
        "(${Py.repr(TEXT)} * ${(count + skip) / TEXT.size + 1})[$skip:${skip + count}]"
      }
      Style.ZEROS -> "bytes($count)"
      Style.RUNS -> "bytes($addend + (i % ${multiplier + 1} == $multiplier) for i in range($count))"
    }

  private companion object {
    val TEXT = "one two\nthree\n\nfour ".toByteArray()
  }
}
