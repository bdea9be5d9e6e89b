package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * {@link Residency#load} from a start inside a page: {@code Mmap.load()} only ever loads from page
 * boundaries, so the page walk's alignment step is pinned down here, on fresh anonymous memory (no
 * page is resident until touched; the test JVM has native access, so {@code mincore} answers).
 */
class ResidencyLoadTest {
  private static final int PAGE = Mmap.PAGESIZE;

  private static long residentAfterLoad(long length, long from, long to) {
    try (Mmap m = Mmap.anonymous(length)) {
      return m.withSegment(
          0,
          length,
          segment -> {
            Residency.load(segment, from, to);
            try {
              return Residency.residentBytes(segment, 0, length);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  @Test
  void loadFromInsideAPageTouchesEveryPageOfTheRangeOnce() {
    long pages = 64;
    for (long from : new long[] {1, 100, PAGE - 1, 3L * PAGE + 2048}) {
      long firstPage = from / PAGE;
      assertEquals(
          (pages - firstPage) * PAGE,
          residentAfterLoad(pages * PAGE, from, pages * PAGE),
          "from " + from);
    }
  }

  @Test
  void loadEndsAtTheEndOfTheRange() {
    // [100, 10 pages + 1): pages 0..10 are touched, the 53 above them stay out of memory.
    assertEquals(11L * PAGE, residentAfterLoad(64L * PAGE, 100, 10L * PAGE + 1));
    assertEquals(0, residentAfterLoad(64L * PAGE, 5L * PAGE, 5L * PAGE));
  }
}
