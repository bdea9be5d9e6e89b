package io.github.mmap4j.reliability;

import java.util.function.ToLongFunction;

/**
 * One error case of the semantics: a call, the kind of map it is made on, the position before it,
 * and the exception it must throw (exact class; the message starts with {@code message}, or there
 * is none when {@code message} is null).
 *
 * @param call the call as Java, {@code n} being the map's length and {@code P} the page size
 */
record BadInput(
    String call,
    BadInputFixture.Kind kind,
    ToLongFunction<BadInputFixture> position,
    Class<? extends Throwable> type,
    String message,
    Action action) {

  /** The bad call itself. */
  @FunctionalInterface
  interface Action {
    void apply(BadInputFixture f) throws Exception;
  }

  /** A case at position 0. */
  static BadInput of(
      BadInputFixture.Kind kind,
      String call,
      Class<? extends Throwable> type,
      String message,
      Action action) {
    return new BadInput(call, kind, f -> 0, type, message, action);
  }

  /** The same case with the position set first. */
  BadInput at(ToLongFunction<BadInputFixture> newPosition) {
    return new BadInput(call, kind, newPosition, type, message, action);
  }

  @Override
  public String toString() {
    return call + " on " + kind.description();
  }
}
