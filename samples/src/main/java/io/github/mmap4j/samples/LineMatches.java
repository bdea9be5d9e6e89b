package io.github.mmap4j.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines a search found: how many, the first few with their text, and a fingerprint of all their
 * numbers, so that searches can be compared without keeping millions of lines.
 */
public final class LineMatches {
  /** Longest text kept per line; a log line longer than this is cut. */
  static final int MAX_TEXT = 200;

  /** A matching line: its 1-based number and its text (without the line end). */
  public record Match(long line, String text) {}

  private final int keep;
  private final List<Match> kept = new ArrayList<>();
  private long count;
  private long fingerprint = 1;

  /** Collects all line numbers, and the text of the first {@code keep} lines. */
  public LineMatches(int keep) {
    this.keep = keep;
  }

  /** Whether the next line's text is kept (the caller need not build it otherwise). */
  public boolean wantsText() {
    return kept.size() < keep;
  }

  /** A matching line whose text is not kept. Lines must come in ascending order. */
  public void add(long line) {
    count++;
    fingerprint = fingerprint * 1_000_003 + line;
  }

  /** A matching line and its text (kept if {@link #wantsText()}). */
  public void add(long line, String text) {
    add(line);
    if (wantsText()) {
      kept.add(new Match(line, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text));
    }
  }

  /** The number of matching lines. */
  public long count() {
    return count;
  }

  /** The first matching lines, at most the {@code keep} given to the constructor. */
  public List<Match> kept() {
    return List.copyOf(kept);
  }

  /** Whether {@code other} found the same line numbers (same count and fingerprint). */
  public boolean sameLinesAs(LineMatches other) {
    return count == other.count && fingerprint == other.fingerprint;
  }
}
