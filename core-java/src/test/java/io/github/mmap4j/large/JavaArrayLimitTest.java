package io.github.mmap4j.large;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import org.junit.jupiter.api.Test;

/**
 * A Java array holds at most 2,147,483,639 bytes: the calls that return one ({@code read}, {@code
 * slice}, {@code sliceClosed}) refuse a longer range before copying anything. The map is private
 * anonymous memory that nothing touches, so it costs address space only.
 *
 * <p>A range of exactly the limit is not copied here: the array alone would take 2 GiB of the test
 * JVM's heap (docs/testing.md lists the mutant this leaves alive).
 */
class JavaArrayLimitTest {
  private static final long LIMIT = Integer.MAX_VALUE - 8;
  private static final String TOO_LARGE =
      "cannot copy 2147483640 bytes into a Java array (at most 2147483639)";

  @Test
  void rangesOneByteOverTheLimitAreRefused() {
    try (Mmap m = Mmap.anonymous(LIMIT + 1, Access.COPY)) {
      assertFails(IllegalArgumentException.class, TOO_LARGE, m::read);
      assertEquals(0, m.tell());
      assertFails(IllegalArgumentException.class, TOO_LARGE, () -> m.slice(0, LIMIT + 1));
      assertFails( // m[::-1], the stepped copy
          IllegalArgumentException.class,
          TOO_LARGE,
          () -> m.slice(Long.MAX_VALUE, Long.MIN_VALUE, -1));
      assertFails(IllegalArgumentException.class, TOO_LARGE, () -> m.sliceClosed(0, LIMIT, 1));
    }
  }
}
