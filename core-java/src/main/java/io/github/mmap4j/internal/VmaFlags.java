package io.github.mmap4j.internal;

import io.github.mmap4j.Madvise;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Linux {@code vm_flags} that {@code madvise} sets page by page on a mapping, tracked so that
 * {@code resize} can fail exactly where CPython's does.
 *
 * <p>Advice such as {@code MADV_SEQUENTIAL} on part of a mapping splits the kernel's VMA in two.
 * CPython grows a map with {@code mremap(2)}, which refuses a range spanning several VMAs with
 * {@code EFAULT}: {@code m.madvise(MADV_SEQUENTIAL, 0, PAGESIZE); m.resize(bigger)} raises {@code
 * OSError: [Errno 14] Bad address} after the file was already extended (checked on CPython 3.11,
 * Linux 6.x). mmap4j maps anew instead of {@code mremap}, so it reproduces the rule from this
 * record: runs of pages with equal flags, keyed by their first page.
 */
public final class VmaFlags {
  private static final int SEQ_READ = 1;
  private static final int RAND_READ = 2;
  private static final int DONT_COPY = 4;
  private static final int DONT_DUMP = 8;
  private static final int HUGEPAGE = 16;
  private static final int NO_HUGEPAGE = 32;

  private final TreeMap<Long, Integer> runs = new TreeMap<>(Map.of(0L, 0));

  /** Whether {@code option} changes {@code vm_flags} (and so may split the VMA). */
  public static boolean changesFlags(Madvise option) {
    return switch (option) {
      case NORMAL, SEQUENTIAL, RANDOM, DONTFORK, DOFORK, DONTDUMP, DODUMP, HUGEPAGE, NOHUGEPAGE ->
          true;
      default -> false; // MERGEABLE leaves shared maps alone; the rest act on pages, not flags
    };
  }

  private static int apply(Madvise option, int flags) {
    return switch (option) {
      case NORMAL -> flags & ~(SEQ_READ | RAND_READ);
      case SEQUENTIAL -> (flags & ~RAND_READ) | SEQ_READ;
      case RANDOM -> (flags & ~SEQ_READ) | RAND_READ;
      case DONTFORK -> flags | DONT_COPY;
      case DOFORK -> flags & ~DONT_COPY;
      case DONTDUMP -> flags | DONT_DUMP;
      case DODUMP -> flags & ~DONT_DUMP;
      case HUGEPAGE -> (flags & ~NO_HUGEPAGE) | HUGEPAGE;
      case NOHUGEPAGE -> (flags & ~HUGEPAGE) | NO_HUGEPAGE;
      default -> flags;
    };
  }

  /** Applies {@code option} to pages {@code [firstPage, endPage)}. */
  public void advise(Madvise option, long firstPage, long endPage) {
    split(firstPage);
    split(endPage);
    for (Map.Entry<Long, Integer> run : runs.subMap(firstPage, true, endPage, false).entrySet()) {
      run.setValue(apply(option, run.getValue()));
    }
  }

  private void split(long page) {
    runs.putIfAbsent(page, runs.floorEntry(page).getValue());
  }

  /** Whether pages {@code [0, pages)} form one VMA (all have the same flags). */
  public boolean isOneVma(long pages) {
    return new HashSet<>(runs.headMap(pages, false).values()).size() <= 1;
  }

  /** Forgets pages from {@code pages} on (the map shrank); growth inherits the last run. */
  public void truncate(long pages) {
    runs.tailMap(Math.max(pages, 1), true).clear();
  }
}
