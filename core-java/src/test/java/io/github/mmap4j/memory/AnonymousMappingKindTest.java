package io.github.mmap4j.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With native access an anonymous map is CPython's own mapping: {@code mmap(2)} with {@code
 * MAP_SHARED|MAP_ANONYMOUS}, or {@code MAP_PRIVATE|MAP_ANONYMOUS} for COPY, and no file behind it.
 * Read from {@code /proc/self/maps}: the fourth permission letter says shared ({@code s}) or
 * private ({@code p}), and a shared anonymous mapping shows as {@code /dev/zero (deleted)}. (The
 * route without native access, an unlinked file on {@code /dev/shm}, is {@code NativeAccessTest}'s
 * subject.)
 */
class AnonymousMappingKindTest {
  /** The {@code /proc/self/maps} line of the mapping that starts at {@code m}'s first byte. */
  private static String mapsLine(Mmap m) {
    long address = m.withSegment(0, m.length(), segment -> segment.address());
    String start = HexFormat.of().toHexDigits(address).replaceFirst("^0+(?=.)", "") + "-";
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/self/maps"));
      return lines.stream().filter(line -> line.startsWith(start)).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String permissions(String mapsLine) {
    return mapsLine.split("\\s+")[1];
  }

  private static String path(String mapsLine) {
    String[] fields = mapsLine.trim().split("\\s+", 6);
    return fields.length == 6 ? fields[5] : "";
  }

  /** Surefire (and PIT) start the test JVM with {@code --enable-native-access=ALL-UNNAMED}. */
  @Test
  void nativeAccessIsOnInAJvmThatEnablesIt() {
    assertTrue(Mmap.nativeAccess());
  }

  @Test
  void aDefaultAnonymousMapIsSharedAnonymousMemory() {
    try (Mmap m = Mmap.anonymous(64 << 10)) {
      String line = mapsLine(m);
      assertEquals("rw-s", permissions(line), line);
      assertEquals("/dev/zero (deleted)", path(line), line);
    }
  }

  @Test
  void aCopyAnonymousMapIsPrivateAnonymousMemory() {
    try (Mmap m = Mmap.anonymous(64 << 10, Access.COPY)) {
      String line = mapsLine(m);
      assertEquals("rw-p", permissions(line), line);
      assertEquals("", path(line), line);
    }
  }
}
