package io.github.mmap4j.reliability;

import static io.github.mmap4j.reliability.BadInputFixture.Kind.PATH;
import static io.github.mmap4j.reliability.BadInputFixture.P;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The constructor's error cases (CPython's {@code new_mmap_object}: validation order and the edge
 * cases of its documentation), made while a WRITE map of the same file is open. None may extend,
 * shrink or write the file (the JDK's {@code FileChannel.map(READ_WRITE, …)} would extend it), and
 * the open map must keep working.
 */
final class ConstructionBadInputs {
  static final String LENGTH_NEGATIVE = "memory mapped length must be positive";
  static final String OFFSET_NEGATIVE = "memory mapped offset must be positive";
  static final String LENGTH_TOO_BIG = "mmap length is greater than file size";
  static final String OFFSET_TOO_BIG = "mmap offset is greater than file size";
  static final String EMPTY_FILE = "cannot mmap an empty file";
  static final String EINVAL = "[Errno 22] Invalid argument";
  static final String EBADF = "[Errno 9] Bad file descriptor";
  static final String EACCES = "[Errno 13] Permission denied";

  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

  private ConstructionBadInputs() {}

  static List<BadInput> all() {
    return List.of(
        BadInput.of(
            PATH,
            "Mmap.open(file, -1, WRITE)",
            IAE,
            LENGTH_NEGATIVE,
            f -> Mmap.open(f.file, -1, Access.WRITE).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, 5, WRITE, -1)",
            IAE,
            OFFSET_NEGATIVE,
            f -> Mmap.open(f.file, 5, Access.WRITE, -1).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, n + 1, WRITE)",
            IAE,
            LENGTH_TOO_BIG,
            f -> Mmap.open(f.file, f.original.length + 1L, Access.WRITE).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, n + 1, DEFAULT)",
            IAE,
            LENGTH_TOO_BIG,
            f -> Mmap.open(f.file, f.original.length + 1L, Access.DEFAULT).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, n, WRITE, P)",
            IAE,
            LENGTH_TOO_BIG,
            f -> Mmap.open(f.file, f.original.length, Access.WRITE, P).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, 0, WRITE, n)",
            IAE,
            OFFSET_TOO_BIG,
            f -> Mmap.open(f.file, 0, Access.WRITE, f.original.length).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, 0, WRITE, past the end, page-aligned)",
            IAE,
            OFFSET_TOO_BIG,
            f -> Mmap.open(f.file, 0, Access.WRITE, pageAfter(f)).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, 5, WRITE, past the end, page-aligned)",
            IAE,
            LENGTH_TOO_BIG,
            f -> Mmap.open(f.file, 5, Access.WRITE, pageAfter(f)).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, 5, WRITE, 1)",
            IOException.class,
            EINVAL,
            f -> Mmap.open(f.file, 5, Access.WRITE, 1).close()),
        BadInput.of(
            PATH,
            "Mmap.open(file, 0, WRITE, 1)",
            IOException.class,
            EINVAL,
            f -> Mmap.open(f.file, 0, Access.WRITE, 1).close()),
        BadInput.of(
            PATH,
            "Mmap.open(empty, 0, WRITE)",
            IAE,
            EMPTY_FILE,
            f -> Mmap.open(f.empty, 0, Access.WRITE).close()),
        BadInput.of(
            PATH,
            "Mmap.open(empty, 0, WRITE, P)",
            IAE,
            EMPTY_FILE,
            f -> Mmap.open(f.empty, 0, Access.WRITE, P).close()),
        BadInput.of(
            PATH,
            "Mmap.open(empty, 1, WRITE)",
            IAE,
            LENGTH_TOO_BIG,
            f -> Mmap.open(f.empty, 1, Access.WRITE).close()),
        BadInput.of(
            PATH,
            "Mmap.map(channel, n + 1, WRITE)",
            IAE,
            LENGTH_TOO_BIG,
            f -> Mmap.map(f.channel, f.original.length + 1L, Access.WRITE).close()),
        BadInput.of(
            PATH,
            "Mmap.map(channel, -1, WRITE)",
            IAE,
            LENGTH_NEGATIVE,
            f -> Mmap.map(f.channel, -1, Access.WRITE).close()),
        BadInput.of(
            PATH,
            "Mmap.map(channel, 5, WRITE, 1)",
            IOException.class,
            EINVAL,
            f -> Mmap.map(f.channel, 5, Access.WRITE, 1).close()),
        BadInput.of(
            PATH,
            "Mmap.map(read-only channel, 0, WRITE)",
            AccessDeniedException.class,
            EACCES,
            f -> mapReadOnlyChannel(f, Access.WRITE)),
        BadInput.of(
            PATH,
            "Mmap.map(read-only channel, 0, DEFAULT)",
            AccessDeniedException.class,
            EACCES,
            f -> mapReadOnlyChannel(f, Access.DEFAULT)),
        BadInput.of(
            PATH,
            "Mmap.map(closed channel, 0, WRITE)",
            IOException.class,
            EBADF,
            f -> {
              FileChannel closed = FileChannel.open(f.file, StandardOpenOption.READ);
              closed.close();
              Mmap.map(closed, 0, Access.WRITE).close();
            }));
  }

  /** A page-aligned offset past the end of the file. */
  private static long pageAfter(BadInputFixture f) {
    return (f.original.length / P + 1L) * P;
  }

  private static void mapReadOnlyChannel(BadInputFixture f, Access access) throws IOException {
    try (FileChannel readOnly = FileChannel.open(f.file, StandardOpenOption.READ)) {
      Mmap.map(readOnly, 0, access).close();
    }
  }
}
