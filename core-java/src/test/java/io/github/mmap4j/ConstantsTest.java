package io.github.mmap4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/semantics.md §2 and §15.1: the constants' values are CPython's (Linux x86_64). */
class ConstantsTest {
  @Test
  void accessOrdinalsAreCpythonsAccessValues() {
    assertEquals(0, Access.DEFAULT.ordinal());
    assertEquals(1, Access.READ.ordinal());
    assertEquals(2, Access.WRITE.ordinal());
    assertEquals(3, Access.COPY.ordinal());
  }

  @Test
  void whenceOrdinalsAreTheSeekConstants() {
    assertEquals(0, Whence.SET.ordinal());
    assertEquals(1, Whence.CUR.ordinal());
    assertEquals(2, Whence.END.ordinal());
  }

  /** mmap.MADV_* as CPython 3.11 printed them (docs/semantics.md §2). */
  @Test
  void madviseValuesAreLinuxNumbers() {
    int[] values = Arrays.stream(Madvise.values()).mapToInt(Madvise::value).toArray();
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, values);
  }

  @Test
  void allocationGranularityIsThePageSizeOnLinux() {
    assertEquals(Mmap.PAGESIZE, Mmap.ALLOCATIONGRANULARITY);
    assertTrue(Integer.bitCount(Mmap.PAGESIZE) == 1 && Mmap.PAGESIZE >= 4096, "" + Mmap.PAGESIZE);
  }
}
