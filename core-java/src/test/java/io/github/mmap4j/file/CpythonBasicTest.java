package io.github.mmap4j.file;

import static io.github.mmap4j.testing.Bytes.assertFails;
import static io.github.mmap4j.testing.Bytes.bytes;
import static io.github.mmap4j.testing.Bytes.str;
import static io.github.mmap4j.testing.Messages.INDEX;
import static io.github.mmap4j.testing.Messages.SEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import io.github.mmap4j.Whence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CPython's test_basic (3.14 form) and test_offset, split into one behaviour per test. Both use a
 * 2-page file of zeros with {@code foo} at the page boundary; Python closes its file right after
 * mapping, which in Java is {@code open(Path)} (the map owns its channel).
 */
class CpythonBasicTest extends FileFixture {
  private static final int P = Mmap.PAGESIZE;

  private Path fooFile() throws IOException {
    byte[] content = new byte[2 * P];
    System.arraycopy(bytes("foo"), 0, content, P, 3);
    return file("foo", content);
  }

  private Mmap basic() throws IOException {
    return track(Mmap.open(fooFile(), 2 * P, Access.DEFAULT));
  }

  @Test
  void findsFooAtThePageBoundary() throws IOException {
    Mmap m = basic();
    assertEquals(P, m.find(bytes("foo")));
    assertEquals(2 * P, m.length());
    assertEquals(0, m.get(0));
    assertEquals("\0\0\0", str(m.slice(0, 3)));
  }

  @Test
  void indexAtTheLengthIsOutOfRange() throws IOException {
    Mmap m = basic();
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.get(m.length()));
    assertFails(IndexOutOfBoundsException.class, INDEX, () -> m.set(m.length(), 0));
  }

  @Test
  void modifiesThroughIndexAndSlice() throws IOException {
    Mmap m = basic();
    m.set(0, '3');
    m.setSlice(P + 3, P + 6, bytes("bar"));
    assertEquals('3', m.get(0));
    assertEquals("3\0\0", str(m.slice(0, 3)));
    assertEquals("\0foobar\0", str(m.slice(P - 1, P + 7)));
    m.flush();
  }

  /** test_basic's re.search over the map, adapted to a regex over its bytes. */
  @Test
  void regexFindsTheLetters() throws IOException {
    Mmap m = basic();
    m.setSlice(P + 3, P + 6, bytes("bar"));
    Matcher match = Pattern.compile("[A-Za-z]+").matcher(str(m.slice(0, m.length())));
    assertTrue(match.find());
    assertEquals(P, match.start());
    assertEquals(P + 6, match.end());
  }

  @Test
  void seeksAndReportsThePosition() throws IOException {
    Mmap m = basic();
    assertTrue(m.seekable());
    assertEquals(0, m.seek(0, Whence.SET));
    assertEquals(0, m.tell());
    assertEquals(42, m.seek(42, Whence.CUR));
    assertEquals(42, m.tell());
    assertEquals(2 * P, m.seek(0, Whence.END));
    assertEquals(2 * P, m.tell());
  }

  @Test
  void seeksOutsideTheMapFail() throws IOException {
    Mmap m = basic();
    assertFails(IndexOutOfBoundsException.class, SEEK, () -> m.seek(-1));
    assertFails(IndexOutOfBoundsException.class, SEEK, () -> m.seek(1, Whence.END));
    assertFails(IndexOutOfBoundsException.class, SEEK, () -> m.seek(-m.length() - 1, Whence.END));
  }

  @Test
  void resizeShrinksMapAndFile() throws IOException {
    Path file = fooFile();
    Mmap m = track(Mmap.open(file, 2 * P, Access.DEFAULT));
    m.resize(512);
    assertEquals(512, m.length());
    assertFails(IndexOutOfBoundsException.class, SEEK, () -> m.seek(513, Whence.SET));
    assertEquals(512, Files.size(file));
    assertEquals(512, m.size());
  }

  /** test_offset: the second page mapped alone, then shrunk to 512 bytes. */
  @Test
  void offsetMapStartsAtFooAndResizesFromThere() throws IOException {
    Path file = fooFile();
    Mmap m = track(Mmap.open(file, P, Access.DEFAULT, Mmap.ALLOCATIONGRANULARITY));
    assertEquals("foo", str(m.slice(0, 3)));
    m.resize(512);
    assertEquals(512, m.length());
    assertFails(IndexOutOfBoundsException.class, SEEK, () -> m.seek(513, Whence.SET));
    assertEquals("foo", str(m.slice(0, 3)));
    assertEquals(P + 512, Files.size(file));
    assertEquals(P + 512, m.size());
  }
}
