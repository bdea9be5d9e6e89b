package io.github.mmap4j.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * find, rfind, contains and findAllIndices against a naive reading of docs/semantics.md §5.3, on
 * seeded random data. Core searches eight bytes at a time and switches algorithms on repetitive
 * data, so the data mixes 0x00, 0x01, 0x80 and 0xFF (the SWAR corner values) and long runs of one
 * byte.
 */
interface SearchAgreementContract extends MapFactory {
  byte[] ALPHABET = {0, 1, 'a', (byte) 0x80, (byte) 0xFF};

  @Test
  default void searchesAgreeWithTheSpecOnRandomData() throws IOException {
    Random random = new Random(20261130);
    for (int round = 0; round < 24; round++) {
      byte[] data = new byte[1 + random.nextInt(round < 16 ? 80 : 5000)];
      for (int i = 0; i < data.length; i++) {
        data[i] = ALPHABET[random.nextInt(round % 2 == 0 ? 2 : ALPHABET.length)];
      }
      assertSearchesAgree(data, random);
    }
  }

  /** Runs of one byte with rare breaks: many partial matches, the worst case of a filter search. */
  @Test
  default void searchesAgreeWithTheSpecOnRepetitiveData() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 6; round++) {
      byte[] data = new byte[3000 + random.nextInt(3000)];
      Arrays.fill(data, (byte) 'a');
      for (int breaks = 0; breaks < 1 + round; breaks++) {
        data[random.nextInt(data.length)] = 'b';
      }
      assertSearchesAgree(data, random);
    }
  }

  private void assertSearchesAgree(byte[] data, Random random) throws IOException {
    Mmap m = map(data, Access.DEFAULT);
    for (int query = 0; query < 150; query++) {
      byte[] needle = needle(data, random);
      long start = bound(data.length, random);
      long end = bound(data.length, random);
      String what =
          "data "
              + HexFormat.of().formatHex(data, 0, Math.min(data.length, 64))
              + "…, needle "
              + HexFormat.of().formatHex(needle)
              + ", "
              + start
              + ", "
              + end;
      assertEquals(naive(data, needle, start, end, true), m.find(needle, start, end), what);
      assertEquals(naive(data, needle, start, end, false), m.rfind(needle, start, end), what);
      assertEquals(naive(data, needle, 0, data.length, true) >= 0, m.contains(needle), what);
      if (needle.length > 0) {
        assertArrayEquals(naiveAll(data, needle), all(m, needle), what);
      }
    }
    m.close();
  }

  /** Mostly pieces of the data (so there are hits), sometimes altered, sometimes empty. */
  private static byte[] needle(byte[] data, Random random) {
    int length = random.nextInt(10) == 0 ? random.nextInt(40) : 1 + random.nextInt(9);
    int from = random.nextInt(data.length);
    byte[] needle = Arrays.copyOfRange(data, from, Math.min(data.length, from + length));
    if (needle.length > 0 && random.nextBoolean()) {
      needle[random.nextInt(needle.length)] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return needle;
  }

  private static long bound(int n, Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> n;
      case 2 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
      default -> random.nextInt(2 * n + 11) - n - 5;
    };
  }

  /** §5.3 literally: clamp both bounds like slice indices, then scan. */
  private static long naive(byte[] data, byte[] sub, long start, long end, boolean forward) {
    long from = clamp(start, data.length);
    long to = clamp(end, data.length);
    if (to < from) {
      return -1;
    }
    for (long k = 0; k <= to - from - sub.length; k++) {
      int i = (int) (forward ? from + k : to - sub.length - k);
      if (Arrays.equals(data, i, i + sub.length, sub, 0, sub.length)) {
        return i;
      }
    }
    return -1;
  }

  private static long clamp(long x, int n) {
    if (x < 0) {
      return Math.max(0, x + n);
    }
    return Math.min(x, n);
  }

  private static long[] naiveAll(byte[] data, byte[] needle) {
    LongStream.Builder all = LongStream.builder();
    for (long i = naive(data, needle, 0, data.length, true); i >= 0; ) {
      all.add(i);
      i = naive(data, needle, i + needle.length, data.length, true);
    }
    return all.build().toArray();
  }

  private static long[] all(Mmap m, byte[] needle) {
    LongStream.Builder all = LongStream.builder();
    m.findAllIndices(needle).forEachRemaining((long i) -> all.add(i));
    return all.build().toArray();
  }
}
