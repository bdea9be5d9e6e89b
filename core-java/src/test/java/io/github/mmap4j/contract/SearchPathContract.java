package io.github.mmap4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * find and rfind on inputs made to reach the search's inner paths through the public API (random
 * data seldom does): the linear-time fallback that takes over when candidates of a long needle pile
 * up, with its match at the very edge of the searched range, and the single-byte scans, whose
 * blocks of eight and 32 bytes are placed relative to the range's ends.
 *
 * <p>The pile-up: a needle of 63 bytes {@code 0x80} and a final {@code 0x81} in a map of {@code
 * 0x80}. Every position passes a filter on two needle bytes and fails only at the last byte, so the
 * filter's budget of verifications runs out long before the match.
 */
interface SearchPathContract extends MapFactory {
  byte FILL = (byte) 0x80;
  byte MARK = (byte) 0x81;
  int NEEDLE_LENGTH = 64;

  private static byte[] needle() {
    byte[] needle = new byte[NEEDLE_LENGTH];
    Arrays.fill(needle, FILL);
    needle[NEEDLE_LENGTH - 1] = MARK;
    return needle;
  }

  /** {@code length} bytes of FILL with MARK at {@code marks}. */
  private Mmap fillWithMarks(int length, int... marks) throws IOException {
    byte[] data = new byte[length];
    Arrays.fill(data, FILL);
    for (int at : marks) {
      data[at] = MARK;
    }
    return map(data, Access.DEFAULT);
  }

  /** The only match starts exactly at {@code start}, below thousands of failing candidates. */
  @Test
  default void rfindAfterAPileUpFindsTheMatchAtTheStartBound() throws IOException {
    int start = 100;
    Mmap m = fillWithMarks(16_384, start + NEEDLE_LENGTH - 1);
    assertEquals(start, m.rfind(needle(), start));
    assertEquals(-1, m.rfind(needle(), start + 1));
    assertEquals(start, m.find(needle(), start));
  }

  /**
   * A match that ends exactly at {@code end} is found; one that would need byte {@code end} not.
   */
  @Test
  default void findAfterAPileUpStopsExactlyAtTheEndBound() throws IOException {
    int end = 12_000;
    Mmap m = fillWithMarks(16_384, end - 1);
    assertEquals(end - NEEDLE_LENGTH, m.find(needle(), 0, end));
    assertEquals(-1, m.find(needle(), 0, end - 1));
    assertEquals(end - NEEDLE_LENGTH, m.rfind(needle(), 0, end));
    assertEquals(-1, m.rfind(needle(), 0, end - 1));
  }

  @Test
  default void pileUpWithoutAMatchFindsNothing() throws IOException {
    Mmap m = fillWithMarks(16_384);
    assertEquals(-1, m.find(needle(), 0));
    assertEquals(-1, m.rfind(needle(), 0));
  }

  /**
   * Every bound pair over 160 bytes with a few {@code 'b'}s, each followed by a {@code 'c'} (which
   * differs from {@code 'b'} in the lowest bit only, the false alarm of a word-at-a-time scan):
   * wherever the blocks and words fall relative to the bounds, the answer is the naive one.
   */
  @Test
  default void singleByteSearchesAgreeWithANaiveScanForEveryBound() throws IOException {
    byte[] data = new byte[160];
    Arrays.fill(data, (byte) 'a');
    for (int at : new int[] {0, 9, 40, 41, 77, 110, 141, 158}) {
      data[at] = 'b';
      data[at + 1] = 'c';
    }
    Mmap m = map(data, Access.DEFAULT);
    byte[] b = {'b'};
    for (int start = 0; start <= data.length; start++) {
      for (int end = start; end <= data.length; end++) {
        assertEquals(naive(data, start, end, true), m.find(b, start, end), start + ":" + end);
        assertEquals(naive(data, start, end, false), m.rfind(b, start, end), start + ":" + end);
      }
    }
  }

  private static long naive(byte[] data, int start, int end, boolean forward) {
    long found = -1;
    for (int i = start; i < end; i++) {
      if (data[i] == 'b') {
        if (forward) {
          return i;
        }
        found = i;
      }
    }
    return found;
  }
}
