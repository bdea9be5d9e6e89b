package io.github.mmap4j.additions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mmap4j.Mmap;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** sliceClosed/setSliceClosed end at the last index the progression visits, not at `last`. */
class ClosedProgressionTest {
  private static Mmap digits() {
    Mmap m = Mmap.anonymous(10);
    m.write("0123456789".getBytes(StandardCharsets.US_ASCII));
    return m;
  }

  @Test
  void lastOffTheStepEndsAtTheLastVisitedIndex() {
    try (Mmap m = digits()) {
      assertArrayEquals(new byte[] {'0'}, m.sliceClosed(0, 1, 3));
      assertArrayEquals(new byte[] {'7', '9'}, m.sliceClosed(7, 10, 2)); // 10 is never visited
      assertArrayEquals(new byte[] {'9', '6'}, m.sliceClosed(9, 5, -3));
    }
  }

  @Test
  void visitedIndexOutsideTheMapIsOutOfRange() {
    try (Mmap m = digits()) {
      IndexOutOfBoundsException e =
          assertThrows(IndexOutOfBoundsException.class, () -> m.sliceClosed(8, 11, 2));
      assertEquals("mmap index out of range: 8..11 step 2 reaches outside 0..<10", e.getMessage());
    }
  }

  @Test
  void assignmentUsesTheVisitedIndices() {
    try (Mmap m = digits()) {
      m.setSliceClosed(1, 8, 3, "abc".getBytes(StandardCharsets.US_ASCII));
      assertArrayEquals("0a23b56c89".getBytes(StandardCharsets.US_ASCII), m.slice(0, 10));
    }
  }
}
