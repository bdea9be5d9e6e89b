package io.github.mmap4j.reliability;

import static io.github.mmap4j.reliability.BadInput.of;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.CHANNEL;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.COPY;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.OFFSET;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.PATH;
import static io.github.mmap4j.reliability.BadInputFixture.Kind.READ;
import static io.github.mmap4j.reliability.BadInputFixture.P;

import io.github.mmap4j.Madvise;
import java.io.IOException;
import java.util.List;

/**
 * Error cases of {@code flush}, {@code madvise} and {@code resize} (which must not touch the file
 * when it fails: CPython's {@code resize(0)} truncates first), and the read-only and copy-on-write
 * rules, checked before any bounds.
 */
final class StateBadInputs {
  static final String FLUSH = "flush values out of range";
  static final String MADVISE_START = "madvise start out of bounds";
  static final String MADVISE_LENGTH = "madvise length invalid";
  static final String MADVISE_TOO_LARGE = "madvise length too large";
  static final String NEW_SIZE = "new size out of range";
  static final String EINVAL = "[Errno 22] Invalid argument";
  static final String EFBIG = "[Errno 27] File too large";
  static final String READONLY = "mmap can't modify a readonly memory map.";
  static final String RESIZE_READONLY = "mmap can't resize a readonly or copy-on-write memory map.";

  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
  private static final Class<IOException> IOE = IOException.class;
  private static final Class<UnsupportedOperationException> UOE =
      UnsupportedOperationException.class;

  private StateBadInputs() {}

  static List<BadInput> all() {
    return List.of(
        of(PATH, "m.flush(0, n + 1)", IAE, FLUSH, f -> f.map.flush(0, f.n() + 1)),
        of(PATH, "m.flush(0, -1)", IAE, FLUSH, f -> f.map.flush(0, -1)),
        of(PATH, "m.flush(-1, 1)", IAE, FLUSH, f -> f.map.flush(-1, 1)),
        of(PATH, "m.flush(P, n)", IAE, FLUSH, f -> f.map.flush(P, f.n())),
        of(PATH, "m.flush(1, 6)", IOE, EINVAL, f -> f.map.flush(1, 6)),
        of(PATH, "m.flush(1, 0)", IOE, EINVAL, f -> f.map.flush(1, 0)),
        of(OFFSET, "m.flush(1, 0)", IOE, EINVAL, f -> f.map.flush(1, 0)),
        of(CHANNEL, "m.flush(1, 6)", IOE, EINVAL, f -> f.map.flush(1, 6)),
        of(READ, "m.flush(0, n + 1)", IAE, FLUSH, f -> f.map.flush(0, f.n() + 1)),
        of(
            PATH,
            "m.madvise(NORMAL, n)",
            IAE,
            MADVISE_START,
            f -> f.map.madvise(Madvise.NORMAL, f.n())),
        of(
            PATH,
            "m.madvise(NORMAL, -1)",
            IAE,
            MADVISE_START,
            f -> f.map.madvise(Madvise.NORMAL, -1)),
        of(
            PATH,
            "m.madvise(NORMAL, 0, -1)",
            IAE,
            MADVISE_LENGTH,
            f -> f.map.madvise(Madvise.NORMAL, 0, -1)),
        of(
            PATH,
            "m.madvise(NORMAL, P, Long.MAX_VALUE)",
            IAE,
            MADVISE_TOO_LARGE,
            f -> f.map.madvise(Madvise.NORMAL, P, Long.MAX_VALUE)),
        of(PATH, "m.madvise(NORMAL, 1)", IOE, EINVAL, f -> f.map.madvise(Madvise.NORMAL, 1)),
        of(
            PATH,
            "m.madvise(DONTNEED, 1, P)",
            IOE,
            EINVAL,
            f -> f.map.madvise(Madvise.DONTNEED, 1, P)),
        of(PATH, "m.madvise(REMOVE, 1)", IOE, EINVAL, f -> f.map.madvise(Madvise.REMOVE, 1)),
        of(PATH, "m.madvise(FREE)", IOE, EINVAL, f -> f.map.madvise(Madvise.FREE)),
        of(PATH, "m.resize(-1)", IAE, NEW_SIZE, f -> f.map.resize(-1)),
        of(PATH, "m.resize(0)", IOE, EINVAL, f -> f.map.resize(0)),
        of(PATH, "m.resize(Long.MAX_VALUE)", IOE, EFBIG, f -> f.map.resize(Long.MAX_VALUE)),
        of(OFFSET, "m.resize(0)", IOE, EINVAL, f -> f.map.resize(0)),
        of(OFFSET, "m.resize(Long.MAX_VALUE)", IAE, NEW_SIZE, f -> f.map.resize(Long.MAX_VALUE)),
        of(CHANNEL, "m.resize(0)", IOE, EINVAL, f -> f.map.resize(0)),
        of(CHANNEL, "m.resize(-1)", IAE, NEW_SIZE, f -> f.map.resize(-1)),
        of(READ, "m.write(0 bytes)", UOE, READONLY, f -> f.map.write(new byte[0])),
        of(READ, "m.writeByte(1)", UOE, READONLY, f -> f.map.writeByte(1)),
        of(
            READ,
            "m.writeByte(256)",
            IAE,
            "unsigned byte integer is greater than maximum",
            f -> f.map.writeByte(256)),
        of(READ, "m.set(0, 1)", UOE, READONLY, f -> f.map.set(0, 1)),
        of(READ, "m.set(n, 1)", UOE, READONLY, f -> f.map.set(f.n(), 1)),
        of(
            READ,
            "m.setSlice(0, 3, 2 bytes)",
            UOE,
            READONLY,
            f -> f.map.setSlice(0, 3, new byte[2])),
        of(READ, "m.move(0, 0, n + 1)", UOE, READONLY, f -> f.map.move(0, 0, f.n() + 1)),
        of(READ, "m.resize(n)", UOE, RESIZE_READONLY, f -> f.map.resize(f.n())),
        of(COPY, "m.resize(2 * n)", UOE, RESIZE_READONLY, f -> f.map.resize(2 * f.n())));
  }
}
