package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Knuth–Morris–Pratt fallback on its own, against a naive search: the kernels call it only
 * after their verification budget ran out, with ranges that begin or end next to a failed
 * candidate, so its own range ends are pinned down here, over repetitive data where partial matches
 * overlap.
 */
class KmpTest {
  @Test
  void agreesWithNaiveSearchOnEveryRangeOfRepetitiveData() {
    Random random = new Random(21);
    for (int round = 0; round < 300; round++) {
      int size = 8 + random.nextInt(120);
      byte[] hay = new byte[size];
      for (int i = 0; i < size; i++) {
        hay[i] = (byte) ('a' + random.nextInt(2));
      }
      int length = 2 + random.nextInt(5);
      int at = random.nextInt(size - length + 1);
      byte[] needle = java.util.Arrays.copyOfRange(hay, at, at + length);
      MemorySegment s = MemorySegment.ofArray(hay);
      for (int from = 0; from <= size; from += 1 + random.nextInt(4)) {
        for (int to = from; to <= size; to += 1 + random.nextInt(4)) {
          String where = "[" + from + ", " + to + ") round " + round;
          assertEquals(
              NaiveSearch.find(hay, from, to, needle, true),
              Kmp.forward(s, from, to, needle),
              "forward " + where);
          assertEquals(
              NaiveSearch.find(hay, from, to, needle, false),
              Kmp.backward(s, from, to, needle),
              "backward " + where);
        }
      }
    }
  }
}
