package io.github.mmap4j.samples;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The mmap4j way: {@code find} jumps from one occurrence of the word to the next, {@code rfind} and
 * {@code find} of {@code '\n'} give the bounds of its line, and the newlines in between are counted
 * in bulk. No line is read unless it matches.
 */
public final class MmapLineSearch implements LineSearch {
  private static final byte[] NEWLINE = {'\n'};

  /** The search reports progress after each stretch of this many bytes without a match. */
  private static final long STRETCH = 64L << 20;

  @Override
  public String method() {
    return "mmap4j find + rfind/find of \\n";
  }

  @Override
  public LineMatches search(Path log, String word, int keep, Progress progress) throws IOException {
    byte[] needle = word.getBytes(UTF_8);
    LineMatches matches = new LineMatches(keep);
    try (Mmap m = Mmap.open(log)) { // Access.READ, the whole file
      NewlineCounter newlines = new NewlineCounter(m);
      long n = m.length();
      long from = 0; // always the start of a line
      long lineNumber = 1;
      long lineNumberAt = 0; // the start of line number `lineNumber`
      long hit;
      while ((hit = findFrom(m, needle, from, progress)) >= 0) {
        // Python: m.rfind(b"\n", from, hit) + 1, or `from` itself when the hit is on that line.
        long start = Math.max(from, m.rfind(NEWLINE, from, hit) + 1);
        long end = m.find(NEWLINE, hit + needle.length, n);
        if (end < 0) {
          end = n; // the last line need not end with '\n'
        }
        lineNumber += newlines.count(lineNumberAt, start);
        lineNumberAt = start;
        if (matches.wantsText()) {
          matches.add(lineNumber, new String(m.slice(start, Math.min(end, start + 4096)), UTF_8));
        } else {
          matches.add(lineNumber);
        }
        from = end + 1; // a second hit on the same line is not another line
        progress.stepTo(Math.min(from, n));
      }
      progress.stepTo(n);
    }
    return matches;
  }

  /**
   * {@code m.find(needle, from)}, in stretches so that the progress bar moves while a rare word is
   * far away. A stretch ends {@code needle.length - 1} bytes into the next, so no occurrence
   * straddling two stretches is missed.
   */
  private static long findFrom(Mmap m, byte[] needle, long from, Progress progress) {
    long n = m.length();
    for (long start = from; start < n; start += STRETCH - (needle.length - 1)) {
      long end = Math.min(n, start + STRETCH);
      long hit = m.find(needle, start, end);
      if (hit >= 0 || end == n) {
        return hit;
      }
      progress.stepTo(end);
    }
    return -1;
  }
}
