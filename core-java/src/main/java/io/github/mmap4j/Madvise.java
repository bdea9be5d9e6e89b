package io.github.mmap4j;

/** Advice for {@link Mmap#madvise(Madvise)}: the Linux {@code MADV_*} values CPython exports. */
public enum Madvise {
  /** {@code MADV_NORMAL}. */
  NORMAL(0),
  /** {@code MADV_RANDOM}. */
  RANDOM(1),
  /** {@code MADV_SEQUENTIAL}. */
  SEQUENTIAL(2),
  /** {@code MADV_WILLNEED}: read the range ahead. */
  WILLNEED(3),
  /** {@code MADV_DONTNEED}: drop the range from this process (private maps lose their edits). */
  DONTNEED(4),
  /** {@code MADV_FREE}. */
  FREE(8),
  /** {@code MADV_REMOVE}: free the backing store (punches a hole in shared file maps). */
  REMOVE(9),
  /** {@code MADV_DONTFORK}. */
  DONTFORK(10),
  /** {@code MADV_DOFORK}. */
  DOFORK(11),
  /** {@code MADV_MERGEABLE}. */
  MERGEABLE(12),
  /** {@code MADV_UNMERGEABLE}. */
  UNMERGEABLE(13),
  /** {@code MADV_HUGEPAGE}. */
  HUGEPAGE(14),
  /** {@code MADV_NOHUGEPAGE}. */
  NOHUGEPAGE(15),
  /** {@code MADV_DONTDUMP}. */
  DONTDUMP(16),
  /** {@code MADV_DODUMP}. */
  DODUMP(17);

  private final int value;

  Madvise(int value) {
    this.value = value;
  }

  /**
   * The Linux {@code MADV_*} number of this advice.
   *
   * @return the value of CPython's {@code mmap.MADV_*} constant of the same name
   */
  public int value() {
    return value;
  }
}
