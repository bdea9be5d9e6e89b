package io.github.mmap4j.internal;

/**
 * The two needle positions whose bytes are least likely in typical data: the search filters on them
 * before verifying a whole candidate. Frequencies are a fixed ranking of bytes in text and binary
 * files (space, lower-case vowels and common consonants, digits, zero bytes first).
 *
 * @param first the needle index of the rarest byte
 * @param second the needle index of the second rarest byte, at a different position
 * @param firstWord the byte at {@code first} repeated in all eight bytes of a word
 * @param secondWord the byte at {@code second}, likewise
 */
record RarePair(long first, long second, long firstWord, long secondWord) {
  private static final String COMMON =
      " etaoinsrhldcumfpgwybvk\n,.TSAIMCEOxRNBPLDjHWqFG0z12-3'54\"J96U87K:V()Y;/=_\0";
  private static final int[] RANK = new int[256];

  static {
    for (int i = 0; i < COMMON.length(); i++) {
      RANK[COMMON.charAt(i)] = COMMON.length() - i; // higher rank = more common
    }
    RANK[0xFF] = RANK['e'];
  }

  static RarePair of(byte[] needle) {
    int best = 0;
    for (int i = 1; i < needle.length; i++) {
      if (rank(needle[i]) < rank(needle[best])) {
        best = i;
      }
    }
    int second = best == 0 ? 1 : 0;
    for (int i = 0; i < needle.length; i++) {
      if (i != best && rank(needle[i]) < rank(needle[second])) {
        second = i;
      }
    }
    int low = Math.min(best, second);
    int high = Math.max(best, second);
    return new RarePair(low, high, broadcast(needle[low]), broadcast(needle[high]));
  }

  private static long broadcast(byte b) {
    return (b & 0xFFL) * 0x0101010101010101L;
  }

  private static int rank(byte b) {
    return RANK[b & 0xFF];
  }
}
