package io.github.mmap4j.samples;

import static io.github.mmap4j.samples.PythonBytes.repr;
import static java.nio.charset.StandardCharsets.US_ASCII;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;

/**
 * The seed tutorial (a short web tutorial on Python's {@code mmap}: read a file as a file, as a
 * byte string, then write to it), step by step with mmap4j's Java API. Each printed line shows the
 * Python expression and what mmap4j returns; the results are the ones CPython gives.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp … io.github.mmap4j.samples
 * .SeedWalkthrough [path/to/myfile.txt]}. Without an argument it works in a temporary directory and
 * removes it afterwards; with one it (over)writes that file and keeps it.
 */
public final class SeedWalkthrough {
  /** The tutorial's {@code myfile.txt}: 67 bytes, two lines, "world" twice. */
  static final String CONTENT =
      "Memory-mapped files: hello, world!\nSecond line: mapping the world.\n";

  private SeedWalkthrough() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      walk(Path.of(args[0]));
      return;
    }
    Path dir = Files.createTempDirectory("mmap4j-seed");
    try {
      walk(dir.resolve("myfile.txt"));
    } finally {
      PathUtils.deleteDirectory(dir);
    }
  }

  private static void walk(Path file) throws IOException {
    Files.writeString(file, CONTENT, US_ASCII);
    System.out.println("# mmap4j (Java) walkthrough of the seed tutorial, file " + file);
    System.out.println("# myfile.txt holds " + repr(Files.readAllBytes(file)));
    asFile(file);
    asByteString(file);
    tutorialErrata();
    write(file);
  }

  /** "As file objects": read, readline, seek and tell. */
  private static void asFile(Path file) throws IOException {
    System.out.println();
    System.out.println("## Reading as a file: mmap.mmap(file.fileno(), 0, access=ACCESS_READ)");
    try (Mmap m = Mmap.open(file, 0, Access.READ)) {
      System.out.println("m.readline()          -> " + repr(m.readLine()));
      System.out.println("m.tell()              -> " + m.tell());
      System.out.println("m.read(6)             -> " + repr(m.read(6)));
      System.out.println("m.seek(0)             -> " + m.seek(0) + "   # Python 3.13+ returns it");
      System.out.println("m.read()              -> " + repr(m.read()));
      System.out.println("m.tell()              -> " + m.tell());
      // The tutorial reads, then searches: find() starts at the position, which read() moved to
      // the end, so CPython (mmap_find in Modules/mmapmodule.c) answers -1 here, as does mmap4j.
      System.out.println(
          "m.find(b'world')      -> " + m.find(bytes("world")) + "   # searches from tell()!");
      System.out.println("m.find(b'world', 0)   -> " + m.find(bytes("world"), 0));
    }
  }

  /** "As byte strings": the first 20 bytes by slicing, find and rfind. */
  private static void asByteString(Path file) throws IOException {
    System.out.println();
    System.out.println("## Reading as a byte string");
    try (Mmap m = Mmap.open(file, 0, Access.READ)) {
      System.out.println("m[:20]                -> " + repr(m.slice(0, 20)));
      System.out.println("m.find(b'world')      -> " + m.find(bytes("world")));
      System.out.println("m.rfind(b'world')     -> " + m.rfind(bytes("world")));
      System.out.println("m.find(b'absent')     -> " + m.find(bytes("absent")));
    }
  }

  /** Where the tutorial's description of {@code mmap.mmap(…)} is not what CPython does. */
  private static void tutorialErrata() {
    System.out.println();
    System.out.println("## Where the tutorial is wrong about CPython");
    System.out.println("# 1. It says access defaults to ACCESS_READ. CPython's default is");
    System.out.println("#    ACCESS_DEFAULT (read+write, shared), so mmap.mmap(fd, 0) on a file");
    System.out.println(
        "#    opened with 'r' raises PermissionError: [Errno 13] Permission denied.");
    System.out.println("#    mmap4j: Mmap.open(path) defaults to READ (the file is opened");
    System.out.println("#    read-only); Mmap.map(channel, ...) keeps CPython's DEFAULT.");
    System.out.println("# 2. It passes the file object and omits length: CPython needs fileno()");
    System.out.println("#    and a length (0 = the whole file), or it raises TypeError.");
    System.out.println("# 3. A 40-byte map needs a file of at least 40 bytes (see below).");
    System.out.println("# 4. find() after read() starts at the position, the end: -1 (see above).");
  }

  /** "Writing to a file": a 40-byte WRITE map, write(), then slice assignment. */
  private static void write(Path file) throws IOException {
    System.out.println();
    System.out.println("## Writing: mmap.mmap(file.fileno(), 40, access=ACCESS_WRITE)");
    shortFileCannotMapForty(file.resolveSibling("short.txt"));
    try (Mmap m = Mmap.open(file, 40, Access.WRITE)) {
      System.out.println(
          "m.write(b'Hello, world!')          -> " + m.write(bytes("Hello, world!")));
      // Python's m[13:28] is the half-open range 13..<28: exactly the 15 bytes of the value.
      m.setSlice(13, 28, bytes("Goodbye, world!"));
      System.out.println("m[13:28] = b'Goodbye, world!'      # Java: m.setSlice(13, 28, ...)");
      System.out.println("m[:28]:");
      System.out.println(new String(m.slice(0, 28), US_ASCII));
    }
    System.out.println("file afterwards       -> " + repr(Files.readAllBytes(file)));
  }

  /** The tutorial never says so, but a 40-byte map needs a file of at least 40 bytes. */
  private static void shortFileCannotMapForty(Path shortFile) throws IOException {
    Files.writeString(shortFile, "x".repeat(28), US_ASCII);
    try (Mmap m = Mmap.open(shortFile, 40, Access.WRITE)) {
      System.out.println("unexpected: mapped 40 bytes of a 28-byte file: " + m);
    } catch (IllegalArgumentException e) {
      System.out.println(
          "# On a 28-byte file, CPython and mmap4j both refuse: ValueError / "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
    } finally {
      Files.delete(shortFile);
    }
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(US_ASCII);
  }
}
