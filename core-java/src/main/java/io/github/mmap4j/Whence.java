package io.github.mmap4j;

/** The reference point of {@link Mmap#seek(long, Whence)}: {@code os.SEEK_SET/CUR/END}. */
public enum Whence {
  /** From the start of the map ({@code os.SEEK_SET}, 0). */
  SET,
  /** From the current position ({@code os.SEEK_CUR}, 1). */
  CUR,
  /** From the end of the map ({@code os.SEEK_END}, 2). */
  END
}
