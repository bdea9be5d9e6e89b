package io.github.mmap4j.samples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code samples/run tutorial}: the seed walkthrough under the runner. */
class TutorialSampleTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"", "--kotlin"})
  void runsTheWalkthroughAndKeepsItsFileInDir(String language) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, UTF_8));
    SampleRun run;
    try {
      run =
          language.isEmpty()
              ? SampleRun.of("tutorial", "--quick", "--dir", dir.toString())
              : SampleRun.of("tutorial", "--quick", "--dir", dir.toString(), language);
    } finally {
      System.setOut(original);
    }
    assertEquals(0, run.exitCode(), run.transcript());
    String printed = captured.toString(UTF_8);
    assertTrue(
        printed.contains(language.isEmpty() ? "(Java) walkthrough" : "(Kotlin) walkthrough"),
        printed);
    assertTrue(printed.lines().anyMatch("Hello, world!Goodbye, world!"::equals), printed);
    assertEquals(
        "Hello, world!Goodbye, world!world!\nSecond line: mapping the world.\n",
        Files.readString(dir.resolve("myfile.txt"), UTF_8));
  }
}
