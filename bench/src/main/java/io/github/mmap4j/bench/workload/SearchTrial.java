package io.github.mmap4j.bench.workload;

import java.io.IOException;

/** W1-W4: one {@code find} or {@code rfind} over all of text.bin from a fresh map's position 0. */
final class SearchTrial extends MappedTrial {
  private final byte[] needle;
  private final boolean reverse;
  private final long expected;
  private final long work;

  private SearchTrial(BenchData data, byte[] needle, boolean reverse, long expected)
      throws IOException {
    super(data.mapRead("text_file"));
    this.needle = needle;
    this.reverse = reverse;
    this.expected = expected;
    // an absent needle scans the whole file; a found one the bytes up to its end
    this.work = expected < 0 ? data.value("text_size") : expected + needle.length;
  }

  static Trial findAbsent16(BenchData data) throws IOException {
    return new SearchTrial(data, data.needle("absent_needle_hex"), false, -1);
  }

  static Trial findAbsent1(BenchData data) throws IOException {
    return new SearchTrial(data, new byte[] {0}, false, -1);
  }

  static Trial rfindAbsent16(BenchData data) throws IOException {
    return new SearchTrial(data, data.needle("absent_needle_hex"), true, -1);
  }

  static Trial findPlanted16(BenchData data) throws IOException {
    return new SearchTrial(
        data, data.needle("planted_needle_hex"), false, data.value("planted_offset"));
  }

  @Override
  public long work() {
    return work;
  }

  @Override
  public long run() {
    return reverse ? m.rfind(needle) : m.find(needle);
  }

  @Override
  public void check(long r) {
    Trial.expect(r == expected, (reverse ? "rfind" : "find") + " returned " + r);
  }
}
