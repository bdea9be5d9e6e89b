package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.INDEX;
import static io.github.mmap4j.testing.Messages.STEP_ZERO;
import static io.github.mmap4j.testing.Messages.WRONG_SIZE;
import static io.github.mmap4j.testing.Messages.assertCPythonText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.testing.Digest;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * docs/semantics.md §6.3 and §6.5: slices clamp like Python's {@code slice.indices}, with {@link
 * Long#MIN_VALUE}/{@link Long#MAX_VALUE} as the open ends (docs/semantics.md §15.1); assignment
 * must match the slice's size exactly; neither moves the position. Also the Kotlin-progression
 * additions.
 */
interface SliceContract extends MapFactory {
  long MIN = Long.MIN_VALUE;
  long MAX = Long.MAX_VALUE;

  @Test
  default void sliceClampsLikePython() throws IOException {
    Mmap m = m10();
    assertEquals("01234", str(m.slice(0, 5)));
    assertEquals("", str(m.slice(5, 2)));
    assertEquals("", str(m.slice(100, 200)));
    assertEquals("789", str(m.slice(-3, MAX)));
    assertEquals("012", str(m.slice(-100, 3)));
    assertEquals("0123456789", str(m.slice(MIN, MAX)));
  }

  @Test
  default void steppedSlices() throws IOException {
    Mmap m = m10();
    assertEquals("864", str(m.slice(8, 2, -2)));
    assertEquals("3210", str(m.slice(3, -100, -1)));
    assertEquals("0", str(m.slice(0, 10, MAX)));
    assertEquals("1", str(m.slice(1, MAX, MAX)));
    assertEquals("9", str(m.slice(9, 0, -MAX)));
  }

  /** docs/semantics.md §15.1: Python's m[::-1], m[::3], m[::-3] and m[-huge:huge:-1] in Java. */
  @Test
  default void openEndsAreTheExtremesOfLong() throws IOException {
    Mmap m = m10();
    assertEquals("9876543210", str(m.slice(MAX, MIN, -1)));
    assertEquals("0369", str(m.slice(MIN, MAX, 3)));
    assertEquals("9630", str(m.slice(MAX, MIN, -3)));
    assertEquals("", str(m.slice(MIN, MAX, -1)));
  }

  /** Python clamps step -2**63 to -sys.maxsize: {@code m[::-2**63] == b'9'}. */
  @Test
  default void stepOfLongMinValueTakesTheLastByte() throws IOException {
    Mmap m = m10();
    assertEquals("9", str(m.slice(MAX, MIN, MIN)));
    assertEquals("", str(m.slice(MIN, MAX, MIN)));
  }

  @Test
  default void setSliceWithStepOfLongMinValueSetsTheLastByte() throws IOException {
    Mmap m = m10();
    m.setSlice(MAX, MIN, MIN, bytes("x"));
    assertEquals("012345678x", str(m.slice(0, 10)));
  }

  @Test
  default void zeroStepIsRejected() throws IOException {
    Mmap m = m10();
    assertFails(IllegalArgumentException.class, STEP_ZERO, () -> m.slice(0, 5, 0));
    assertFails(IllegalArgumentException.class, STEP_ZERO, () -> m.setSlice(0, 5, 0, bytes("a")));
    assertFails(IllegalArgumentException.class, STEP_ZERO, () -> m.sliceClosed(0, 5, 0));
  }

  @Test
  default void setSliceReplacesTheBytesWithoutMovingThePosition() throws IOException {
    Mmap m = m10();
    m.seek(2);
    m.setSlice(8, MAX, bytes("ab"));
    m.setSlice(0, 2, bytes("xy"));
    assertEquals("xy234567ab", str(m.slice(0, 10)));
    assertEquals(2, m.tell());
  }

  /** §14: m10[::2] = b'ABCDE', and §6.5's m[::-1] = b'abcdefghij'. */
  @Test
  default void setSliceWithSteps() throws IOException {
    Mmap m = m10();
    m.setSlice(MIN, MAX, 2, bytes("ABCDE"));
    assertEquals("A1B3C5D7E9", str(m.slice(0, 10)));
    m.setSlice(MAX, MIN, -1, bytes("abcdefghij"));
    assertEquals("jihgfedcba", str(m.slice(0, 10)));
    m.setSlice(8, 2, -2, bytes("xyz"));
    assertEquals("jihgzeycxa", str(m.slice(0, 10)));
  }

  /** §14: m10[0:3] = b'ab'; §6.5: an empty slice takes only an empty value. */
  @Test
  default void setSliceOfTheWrongSizeFails() throws IOException {
    Mmap m = m10();
    assertFails(IllegalArgumentException.class, WRONG_SIZE, () -> m.setSlice(0, 3, bytes("ab")));
    assertFails(IllegalArgumentException.class, WRONG_SIZE, () -> m.setSlice(5, 2, bytes("a")));
    assertFails(
        IllegalArgumentException.class, WRONG_SIZE, () -> m.setSlice(MIN, MAX, 2, bytes("abcd")));
    assertFails(
        IllegalArgumentException.class, WRONG_SIZE, () -> m.setSlice(0, 10, bytes("0123456789A")));
    m.setSlice(5, 2, new byte[0]);
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  /** CPython's test_extended_getslice; digest printed by CPython 3.11 for the same loop. */
  @Test
  default void extendedSlicesAgreeWithCpython() throws IOException {
    Mmap m = reversedBytes();
    Digest digest = new Digest();
    for (Long start : SLICE_INDICES) {
      for (Long stop : SLICE_INDICES) {
        for (Long step : SLICE_INDICES.subList(1, SLICE_INDICES.size())) {
          digest.add(HexFormat.of().formatHex(pythonSlice(m, start, stop, step)));
        }
      }
    }
    assertEquals("22b952ad2fa9a00390efc1bbfd78075587bc4ced11df267864754c9a1c26b943", digest.hex());
  }

  /**
   * CPython's test_extended_set_del_slice: assign each slice its own bytes reversed, compare the
   * whole map; digest of {@code m[:].hex()} after each assignment, printed by CPython 3.11.
   */
  @Test
  default void extendedSliceAssignmentsAgreeWithCpython() throws IOException {
    Mmap m = reversedBytes();
    byte[] original = m.slice(0, 256);
    Digest digest = new Digest();
    for (Long start : SLICE_INDICES) {
      for (Long stop : SLICE_INDICES) {
        for (Long step : SLICE_INDICES.subList(1, SLICE_INDICES.size())) {
          m.setSlice(0, 256, original);
          byte[] data = reverse(pythonSlice(m, start, stop, step));
          pythonSetSlice(m, start, stop, step, data);
          digest.add(HexFormat.of().formatHex(m.slice(0, 256)));
        }
      }
    }
    assertEquals("a8fe0d1c9a8b4623364773caa80d94888cf399c27a1027e05dff42b45526183c", digest.hex());
  }

  /** The indices of test_extended_getslice; {@code null} is Python's None (an omitted bound). */
  java.util.List<Long> SLICE_INDICES =
      java.util.Arrays.asList(0L, null, 1L, 3L, 19L, 300L, MAX, -1L, -2L, -31L, -300L);

  private Mmap reversedBytes() throws IOException {
    byte[] s = new byte[256];
    for (int i = 0; i < 256; i++) {
      s[i] = (byte) (255 - i);
    }
    return map(s, Access.DEFAULT);
  }

  /** m[start:stop:step] with None mapped as docs/semantics.md §15.1 says. */
  private static byte[] pythonSlice(Mmap m, Long start, Long stop, Long step) {
    long k = step == null ? 1 : step;
    return m.slice(
        start != null ? start : k > 0 ? MIN : MAX, stop != null ? stop : k > 0 ? MAX : MIN, k);
  }

  private static void pythonSetSlice(Mmap m, Long start, Long stop, Long step, byte[] value) {
    long k = step == null ? 1 : step;
    m.setSlice(
        start != null ? start : k > 0 ? MIN : MAX,
        stop != null ? stop : k > 0 ? MAX : MIN,
        k,
        value);
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return reversed;
  }

  @Test
  default void sliceClosedFollowsAKotlinProgression() throws IOException {
    Mmap m = m10();
    assertEquals("0369", str(m.sliceClosed(0, 9, 3)));
    assertEquals("9630", str(m.sliceClosed(9, 0, -3)));
    assertEquals("2345", str(m.sliceClosed(2, 5, 1)));
    assertEquals("", str(m.sliceClosed(5, 4, 1)));
    assertEquals("", str(m.sliceClosed(4, 5, -1)));
  }

  /**
   * Unlike slice(), a progression addresses existing bytes: no clamping (docs/semantics.md §15.2).
   */
  @Test
  default void sliceClosedOutsideTheMapIsAnIndexError() throws IOException {
    Mmap m = m10();
    var e = assertThrows(IndexOutOfBoundsException.class, () -> m.sliceClosed(8, 10, 1));
    assertCPythonText(INDEX, e.getMessage());
    e = assertThrows(IndexOutOfBoundsException.class, () -> m.sliceClosed(-1, 3, 1));
    assertCPythonText(INDEX, e.getMessage());
  }

  @Test
  default void setSliceClosedAssignsTheProgression() throws IOException {
    Mmap m = m10();
    m.setSliceClosed(9, 0, -3, bytes("abcd"));
    assertEquals("d12c45b78a", str(m.slice(0, 10)));
    m.setSliceClosed(1, 2, 1, bytes("xy"));
    assertEquals("dxyc45b78a", str(m.slice(0, 10)));
  }

  /** The seed's trap: Kotlin's 13..28 holds 16 bytes, "Goodbye, world!" is 15; the fix is named. */
  @Test
  default void setSliceClosedOneByteTooLongSaysBothSizesAndTheFix() throws IOException {
    Mmap m = map(new byte[40], Access.DEFAULT);
    assertFails(
        IllegalArgumentException.class,
        WRONG_SIZE + " (13..28 holds 16 bytes, value has 15; Python's m[13:28] is 13..<28)",
        () -> m.setSliceClosed(13, 28, 1, bytes("Goodbye, world!")));
  }

  /** The hint fits only a step of 1 and a value exactly one byte short. */
  @Test
  default void setSliceClosedOfOtherWrongSizesSaysBothSizes() throws IOException {
    Mmap m = m10();
    assertFails(
        IllegalArgumentException.class,
        WRONG_SIZE + " (0..9 step 3 holds 4 bytes, value has 3)",
        () -> m.setSliceClosed(0, 9, 3, bytes("abc")));
    assertFails(
        IllegalArgumentException.class,
        WRONG_SIZE + " (2..5 holds 4 bytes, value has 2)",
        () -> m.setSliceClosed(2, 5, 1, bytes("ab")));
    assertFails(
        IllegalArgumentException.class,
        WRONG_SIZE + " (9 downTo 0 step 3 holds 4 bytes, value has 5)",
        () -> m.setSliceClosed(9, 0, -3, bytes("abcde")));
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  /** A progression whose next index would overflow a long still ends (Kotlin's 0..MAX step MAX). */
  @Test
  default void sliceClosedWithHugeStepsDoesNotOverflow() throws IOException {
    Mmap m = m10();
    assertEquals("0", str(m.sliceClosed(0, 9, MAX)));
    assertEquals("9", str(m.sliceClosed(9, 0, -MAX)));
    var e = assertThrows(IndexOutOfBoundsException.class, () -> m.sliceClosed(0, MAX, MAX));
    assertCPythonText(INDEX, e.getMessage());
  }

  @Test
  default void setSliceClosedOutsideTheMapIsAnIndexError() throws IOException {
    Mmap m = m10();
    var e =
        assertThrows(
            IndexOutOfBoundsException.class, () -> m.setSliceClosed(8, 10, 1, bytes("abc")));
    assertCPythonText(INDEX, e.getMessage());
    assertEquals("0123456789", str(m.slice(0, 10)));
  }

  /** A progression ends at the last index it visits, not at {@code last}. */
  @Test
  default void sliceClosedEndsAtTheLastVisitedIndex() throws IOException {
    Mmap m = m10();
    assertEquals("0", str(m.sliceClosed(0, 1, 3)));
    assertEquals("79", str(m.sliceClosed(7, 10, 2))); // 10 is never visited
    assertEquals("96", str(m.sliceClosed(9, 5, -3)));
  }

  @Test
  default void sliceClosedNamesTheProgressionThatReachesOutside() throws IOException {
    Mmap m = m10();
    assertFails(
        IndexOutOfBoundsException.class,
        "mmap index out of range (8..11 step 2 reaches outside 0..<10)",
        () -> m.sliceClosed(8, 11, 2));
  }

  @Test
  default void setSliceClosedUsesTheVisitedIndices() throws IOException {
    Mmap m = m10();
    m.setSliceClosed(1, 8, 3, bytes("abc"));
    assertEquals("0a23b56c89", str(m.slice(0, 10)));
  }

  /** Bounds of exactly -len and len with negative steps; expectations printed by CPython 3.11. */
  @Test
  default void negativeStepSlicesWithBoundsAtMinusLengthAndLength() throws IOException {
    Mmap m = m10();
    assertEquals("0", str(m.slice(-10, MIN, -1))); // m[-10::-1]
    assertEquals("9876543210", str(m.slice(10, MIN, -1))); // m[10::-1]
    assertEquals("987654321", str(m.slice(MAX, -10, -1))); // m[:-10:-1]
    assertEquals("", str(m.slice(MAX, 10, -1))); // m[:10:-1]
    assertEquals("9876543210", str(m.slice(10, -11, -1))); // m[10:-11:-1]
    assertEquals("97531", str(m.slice(10, -10, -2))); // m[10:-10:-2]
    assertEquals("", str(m.slice(-11, MIN, -1))); // m[-11::-1]
  }

  @Test
  default void positiveStepSlicesWithBoundsAtMinusLengthAndLength() throws IOException {
    Mmap m = m10();
    assertEquals("0123456789", str(m.slice(-10, MAX))); // m[-10:]
    assertEquals("", str(m.slice(10, MAX))); // m[10:]
    assertEquals("", str(m.slice(MIN, -10))); // m[:-10]
    assertEquals("0369", str(m.slice(-10, 10, 3))); // m[-10:10:3]
  }

  @Test
  default void negativeStepAssignmentAtTheBounds() throws IOException {
    Mmap m = m10();
    m.setSlice(10, -11, -1, bytes("abcdefghij")); // m[10:-11:-1] = …
    assertEquals("jihgfedcba", str(m.slice(0, 10)));
    m.setSlice(-10, MIN, -1, bytes("x")); // m[-10::-1] = b'x'
    assertEquals("xihgfedcba", str(m.slice(0, 10)));
  }

  /** Kotlin's {@code 3..3} and {@code 3 downTo 3}: one element, whatever the step. */
  @Test
  default void oneElementProgressions() throws IOException {
    Mmap m = m10();
    assertEquals("3", str(m.sliceClosed(3, 3, 1)));
    assertEquals("3", str(m.sliceClosed(3, 3, -1)));
    assertEquals("3", str(m.sliceClosed(3, 3, 4)));
    assertEquals("9", str(m.sliceClosed(9, 9, 1)));
    assertEquals("0", str(m.sliceClosed(0, 0, -2)));
    m.setSliceClosed(3, 3, 1, bytes("x"));
    assertEquals("012x456789", str(m.slice(0, 10)));
  }

  @Test
  default void oneElementProgressionOutsideTheMapIsAnIndexError() throws IOException {
    Mmap m = m10();
    assertFails(
        IndexOutOfBoundsException.class,
        "mmap index out of range (10..10 reaches outside 0..<10)",
        () -> m.sliceClosed(10, 10, 1));
    assertFails(
        IndexOutOfBoundsException.class,
        "mmap index out of range (-1 downTo -1 reaches outside 0..<10)",
        () -> m.sliceClosed(-1, -1, -1));
  }

  /** A descending progression that starts at the length reaches outside, wherever it ends. */
  @Test
  default void sliceClosedStartingAtTheLengthIsAnIndexError() throws IOException {
    Mmap m = m10();
    assertFails(
        IndexOutOfBoundsException.class,
        "mmap index out of range (10 downTo 8 reaches outside 0..<10)",
        () -> m.sliceClosed(10, 8, -1));
  }
}
