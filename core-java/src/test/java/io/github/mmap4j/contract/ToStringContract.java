package io.github.mmap4j.contract;

import static io.github.mmap4j.testing.Bytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** docs/semantics.md §9: CPython's repr, in Java's {@code Mmap[…]} shape (§15.1). */
interface ToStringContract extends MapFactory {
  private String expected(Access access, long length, long pos) {
    return "Mmap[closed=false, access="
        + access
        + ", length="
        + length
        + ", pos="
        + pos
        + ", offset="
        + mapOffset()
        + "]";
  }

  @Test
  default void toStringOfAnOpenMap() throws IOException {
    assertEquals(expected(Access.DEFAULT, 10, 0), m10().toString());
    assertEquals(expected(Access.READ, 10, 0), readOnly(10).toString());
  }

  @Test
  default void toStringNamesTheAccess() throws IOException {
    for (Access access : new Access[] {Access.WRITE, Access.COPY}) {
      Mmap m = map(bytes("0123456789"), access);
      assertEquals(expected(access, 10, 0), m.toString());
    }
  }

  @Test
  default void toStringShowsThePosition() throws IOException {
    Mmap m = m10();
    m.seek(3);
    assertEquals(expected(Access.DEFAULT, 10, 3), m.toString());
    m.read();
    assertEquals(expected(Access.DEFAULT, 10, 10), m.toString());
  }

  @Test
  default void toStringOfAClosedMap() throws IOException {
    assertEquals("Mmap[closed=true]", closed().toString());
  }
}
