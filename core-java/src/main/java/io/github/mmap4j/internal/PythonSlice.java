package io.github.mmap4j.internal;

/**
 * The indices a Python slice selects from a sequence of {@code length} items, as {@code
 * PySlice_Unpack} + {@code PySlice_AdjustIndices} compute them. {@code Long.MIN_VALUE} and {@code
 * Long.MAX_VALUE} behave like Python's huge bounds and clamp.
 *
 * @param start the first index selected (meaningful when {@code count > 0})
 * @param step the distance between selected indices, never 0
 * @param count how many indices are selected
 */
public record PythonSlice(long start, long step, long count) {

  /** Resolves {@code [start:stop:step]} against a sequence of {@code length} items. */
  public static PythonSlice of(long start, long stop, long step, long length) {
    if (step == 0) {
      throw Errors.stepZero();
    }
    // PySlice_Unpack: a step below -PY_SSIZE_T_MAX is clamped so that -step cannot overflow.
    if (step == Long.MIN_VALUE) {
      step = -Long.MAX_VALUE;
    }
    long first = clamp(start, step, length);
    long end = clamp(stop, step, length);
    long count;
    if (step < 0) {
      count = end < first ? (first - end - 1) / -step + 1 : 0;
    } else {
      count = first < end ? (end - first - 1) / step + 1 : 0;
    }
    return new PythonSlice(first, step, count);
  }

  /**
   * The indices of a Kotlin-style closed progression {@code first, first + step, …, last}. Unlike a
   * Python slice nothing clamps: every index must lie in {@code [0, length)}.
   */
  public static PythonSlice closed(long first, long last, long step, long length) {
    if (step == 0) {
      throw Errors.stepZero();
    }
    boolean empty = step > 0 ? first > last : first < last;
    if (empty) {
      return new PythonSlice(first, step, 0);
    }
    // Kotlin passes `last` on the step already; for other callers the progression ends at the
    // last index it really visits (0..1 step 3 is just 0).
    long count =
        step > 0
            ? Long.divideUnsigned(last - first, step) + 1
            : Long.divideUnsigned(first - last, -step) + 1;
    long visitedLast = first + (count - 1) * step;
    if (first < 0 || first >= length || visitedLast < 0 || visitedLast >= length) {
      throw Errors.progressionOutOfRange(first, last, step, length);
    }
    return new PythonSlice(first, step, count);
  }

  /** How a closed progression reads in Kotlin: {@code 13..28}, {@code 9 downTo 0 step 2}. */
  public static String describeClosed(long first, long last, long step) {
    if (step == 1) {
      return first + ".." + last;
    }
    if (step > 0) {
      return first + ".." + last + " step " + step;
    }
    return first + " downTo " + last + (step == -1 ? "" : " step " + -step);
  }

  private static long clamp(long index, long step, long length) {
    if (index < 0) {
      index += length;
      if (index < 0) {
        index = step < 0 ? -1 : 0;
      }
    } else if (index >= length) {
      index = step < 0 ? length - 1 : length;
    }
    return index;
  }
}
