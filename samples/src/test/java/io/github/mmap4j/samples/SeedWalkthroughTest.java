package io.github.mmap4j.samples;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs both walkthrough programs as their {@code main} and checks what they print and write. */
class SeedWalkthroughTest {
  /**
   * What CPython leaves in the tutorial's file: 28 bytes written over the 67 of {@code CONTENT}.
   */
  private static final String FILE_AFTERWARDS =
      "Hello, world!Goodbye, world!world!\nSecond line: mapping the world.\n";

  @TempDir Path dir;

  /** Runs {@code main} with {@code System.out} captured; returns the printed lines. */
  private static List<String> printedBy(ThrowingMain main, Path file) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, UTF_8));
    try {
      main.run(new String[] {file.toString()});
    } finally {
      System.setOut(original);
    }
    return captured.toString(UTF_8).lines().toList();
  }

  private interface ThrowingMain {
    void run(String[] args) throws Exception;
  }

  @Test
  void javaWalkthroughPrintsHelloGoodbyeAndWritesTheFile() throws Exception {
    Path file = dir.resolve("myfile.txt");
    List<String> lines = printedBy(SeedWalkthrough::main, file);
    assertTrue(lines.contains("Hello, world!Goodbye, world!"), String.join("\n", lines));
    assertTrue(lines.contains("m.find(b'world')      -> -1   # searches from tell()!"));
    assertEquals(FILE_AFTERWARDS, Files.readString(file, US_ASCII));
  }

  @Test
  void kotlinWalkthroughPrintsHelloGoodbyeAndWritesTheFile() throws Exception {
    Path file = dir.resolve("myfile.txt");
    List<String> lines = printedBy(SeedWalkthroughKt::main, file);
    assertTrue(lines.contains("Hello, world!Goodbye, world!"), String.join("\n", lines));
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("m[13..28] = goodbye ") && l.contains("wrong size")),
        String.join("\n", lines));
    assertEquals(FILE_AFTERWARDS, Files.readString(file, US_ASCII));
  }

  @Test
  void walkthroughsLeaveNoTemporaryFilesBesideAGivenPath() throws Exception {
    Path file = dir.resolve("myfile.txt");
    printedBy(SeedWalkthrough::main, file);
    printedBy(SeedWalkthroughKt::main, file);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }
}
