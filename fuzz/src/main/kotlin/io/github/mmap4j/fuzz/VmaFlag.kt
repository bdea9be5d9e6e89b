package io.github.mmap4j.fuzz

import io.github.mmap4j.Madvise

/**
 * The `vm_flags` bits that madvise(2) advice sets or clears (mm/madvise.c in Linux). Pages whose
 * flags differ sit in different VMAs, which decides whether CPython's mremap(2) can grow a map.
 * MERGEABLE changes nothing on shared maps (the only resizable ones); WILLNEED and DONTNEED act on
 * pages, not flags.
 */
enum class VmaFlag {
  SEQ_READ,
  RAND_READ,
  DONTCOPY,
  DONTDUMP,
  HUGEPAGE,
  NOHUGEPAGE;

  companion object {
    fun after(option: Madvise, flags: Set<VmaFlag>): Set<VmaFlag> =
      when (option) {
        Madvise.NORMAL -> flags - SEQ_READ - RAND_READ
        Madvise.SEQUENTIAL -> flags - RAND_READ + SEQ_READ
        Madvise.RANDOM -> flags - SEQ_READ + RAND_READ
        Madvise.DONTFORK -> flags + DONTCOPY
        Madvise.DOFORK -> flags - DONTCOPY
        Madvise.DONTDUMP -> flags + DONTDUMP
        Madvise.DODUMP -> flags - DONTDUMP
        Madvise.HUGEPAGE -> flags - NOHUGEPAGE + HUGEPAGE
        Madvise.NOHUGEPAGE -> flags - HUGEPAGE + NOHUGEPAGE
        else -> flags
      }
  }
}
