package io.github.mmap4j.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes deterministic English-like text: lines of words from a small vocabulary, one space between
 * words, about 3% empty lines, every line ending in {@code \n}. Only {@code 0x0a} and {@code
 * 0x20..0x7e} occur, never two spaces in a row (so {@link BenchFiles#ABSENT16} cannot occur) except
 * inside the one planted line, which holds {@link BenchFiles#PLANTED16}.
 *
 * <p>It follows the shape of {@code shared/perf/gen_data.py} (Zipf-weighted words, mean line about
 * 80 bytes) but is not byte-identical to it: the JVM generates its own smaller file in benchmark
 * setup, and the CPython side of {@code compare.sh} reads that same file.
 */
final class TextGenerator {
  private static final String[] WORDS = {
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "when",
    "if",
    "so",
    "no",
    "will",
    "more",
    "can",
    "who",
    "out",
    "about",
    "them",
    "some",
    "what",
    "up",
    "other",
    "into",
    "only",
    "its",
    "time",
    "than",
    "these",
    "two",
    "may",
    "then",
    "first",
    "any",
    "now",
    "like",
    "over",
    "even",
    "most",
    "made",
    "after",
    "also",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "way",
    "well",
    "down",
    "should",
    "because",
    "each",
    "just",
    "those",
    "people",
    "how",
    "little",
    "state",
    "good",
    "very",
    "make",
    "world",
    "still",
    "own",
    "see",
    "work",
    "long",
    "here",
    "between",
    "both",
    "life",
    "being",
    "under",
    "never",
    "day",
    "same",
    "another",
    "know",
    "while",
    "last",
    "memory",
    "page",
    "buffer",
    "index",
    "value",
    "search",
    "line",
    "text",
    "byte",
    "offset",
    "length",
    "map",
    "read",
    "write",
    "close",
    "open",
    "find",
    "count",
    "table",
    "record",
    "kernel",
    "process",
    "thread",
    "signal",
    "queue",
    "stack",
    "heap",
    "cache",
    "block",
    "chunk",
    "stream",
    "format",
    "parse",
    "token",
    "string",
    "window",
    "region",
    "river",
    "mountain",
    "forest",
    "ocean",
    "valley",
    "garden",
    "bridge",
    "tower",
    "market",
    "engine",
    "machine",
    "network",
    "server",
    "client",
    "request",
    "response",
    "header",
    "section",
    "chapter",
    "1",
    "2",
    "3",
    "10",
    "42",
    "100",
    "2026",
    "1999",
    "7",
    "12"
  };

  /** Word indices drawn with Zipf-like weight 1/(rank+1)^0.9, as a uniform lookup table. */
  private static final int[] ZIPF_TABLE = zipfTable(1 << 14);

  private static final int MAX_WORDS_PER_LINE = 40;

  private final SplittableRandom random;
  private final byte[][] words;
  private final byte[] line = new byte[MAX_WORDS_PER_LINE * 16];

  TextGenerator(long seed) {
    random = new SplittableRandom(seed);
    words = new byte[WORDS.length][];
    for (int i = 0; i < WORDS.length; i++) {
      words[i] = WORDS[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** Longest line {@link #writeLine} can produce, in bytes. */
  static int maxLineLength() {
    int longest = 0;
    for (String w : WORDS) {
      longest = Math.max(longest, w.length());
    }
    return MAX_WORDS_PER_LINE * (longest + 1) + 1;
  }

  /** Writes one random line (with its {@code \n}) and returns its length. */
  int writeLine(OutputStream out) throws IOException {
    int length = 0;
    if (random.nextInt(100) >= 3) {
      // 1..39 words, mean 20: with this vocabulary a line is about 80 bytes, as in gen_data.py.
      int wordCount = 1 + random.nextInt(20) + random.nextInt(20);
      for (int w = 0; w < wordCount; w++) {
        if (w > 0) {
          line[length++] = ' ';
        }
        byte[] word = words[ZIPF_TABLE[random.nextInt(ZIPF_TABLE.length)]];
        System.arraycopy(word, 0, line, length, word.length);
        length += word.length;
      }
    }
    line[length++] = '\n';
    out.write(line, 0, length);
    return length;
  }

  private static int[] zipfTable(int size) {
    double[] cumulative = new double[WORDS.length];
    double total = 0;
    for (int i = 0; i < WORDS.length; i++) {
      total += 1.0 / Math.pow(i + 1, 0.9);
      cumulative[i] = total;
    }
    int[] table = new int[size];
    int word = 0;
    for (int slot = 0; slot < size; slot++) {
      double target = (slot + 0.5) / size * total;
      while (cumulative[word] < target) {
        word++;
      }
      table[slot] = word;
    }
    return table;
  }
}
