package io.github.mmap4j.fuzz

/**
 * What the model knows of the file behind a map: its [length] and its bytes from [base] on.
 *
 * Bytes before [base] are never touched by a map at offset >= base, so a sparse 4 GiB file mapped
 * near its end is modelled by the few pages from the map's offset on; small files use base 0.
 */
class FileImage(val base: Long, initial: ByteArray) {
  var bytes: ByteArray = initial.copyOf()
    private set

  val length: Long
    get() = base + bytes.size

  fun window(from: Long, count: Int): ByteArray = bytes.copyOfRange(at(from), at(from) + count)

  fun set(at: Long, value: Byte) {
    bytes[at(at)] = value
  }

  /** ftruncate(2): cuts or zero-extends the file to [newLength]. */
  fun truncate(newLength: Long) {
    bytes = bytes.copyOf(Math.toIntExact(newLength - base))
  }

  private fun at(fileOffset: Long): Int = Math.toIntExact(fileOffset - base)
}
