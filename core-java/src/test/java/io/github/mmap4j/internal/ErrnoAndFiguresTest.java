package io.github.mmap4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The two helpers behind error messages that the public API reaches only on rare paths: the errno
 * of a {@code strerror} text (the JDK reports some failed {@code mmap(2)} calls by text alone) and
 * the overflow test of the figures appended to CPython's words.
 */
class ErrnoAndFiguresTest {
  @Test
  void everyKnownStrerrorTextGivesItsErrnoBackAndOthersGiveMinusOne() {
    for (int errno = 1; errno <= 28; errno++) {
      String described = Errno.describe(errno);
      String text = described.substring(described.indexOf("] ") + 2);
      assertEquals(errno, Errno.fromText(text), described);
    }
    assertEquals(28, Errno.fromText("No space left on device"));
    assertEquals(-1, Errno.fromText("Something else went wrong"));
  }

  @Test
  void overflowsIsTrueExactlyWhenTheSumDoesNotFitALong() {
    assertTrue(MessageFigures.overflows(Long.MAX_VALUE, 1));
    assertTrue(MessageFigures.overflows(Long.MIN_VALUE, -1));
    assertTrue(MessageFigures.overflows(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2 + 1));
    assertFalse(MessageFigures.overflows(Long.MAX_VALUE, 0));
    assertFalse(MessageFigures.overflows(Long.MAX_VALUE, Long.MIN_VALUE));
    assertFalse(MessageFigures.overflows(5, 3));
    assertFalse(MessageFigures.overflows(-5, 10));
  }
}
