package io.github.mmap4j.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs on one file: {@link FileWriterProcess} writes records and grows and shrinks the file
 * with {@code resize}, while {@link FileReaderProcess} maps it again and again, reads, searches and
 * iterates, seeing only its records and zeros and, where the writer shrank the file under it,
 * {@code MmapTruncatedException}. Then the writer truncates the file to 10 bytes under the reader's
 * live map: every operation on the lost pages throws {@code MmapTruncatedException}, never a crash.
 *
 * <p>Sharpness: a crash of either process fails the test by its exit code; a wrong byte, a search
 * hit outside a record's slot, another exception, or an operation on a lost page that returns
 * normally makes the reader exit 3.
 */
class TwoProcessesTest {
  private static final List<String> CHILD_JVM = List.of("-Xmx128m");

  @RegisterExtension static final Figures FIGURES = new Figures("two processes");

  @TempDir Path dir;

  @Test
  void readerSurvivesAWriterThatResizesAndThenTruncatesTheFile() throws Exception {
    Soak.Rounds rounds = Soak.rounds(Soak.TWO_PROCESSES, 1);
    while (rounds.another()) {
      long writeMillis = Soak.isLong() ? 60_000 : 1_500;
      Path file = dir.resolve("shared-" + rounds.count() + ".bin");
      Files.write(file, new byte[(int) FileWriterProcess.STEP]);
      try (ChildJvm writer =
              ChildJvm.start(
                  FileWriterProcess.class,
                  CHILD_JVM,
                  file.toString(),
                  "" + writeMillis,
                  "" + rounds.count());
          ChildJvm reader =
              ChildJvm.start(
                  FileReaderProcess.class, CHILD_JVM, file.toString(), "" + rounds.count())) {
        Duration patience = Duration.ofMillis(writeMillis).plusSeconds(120);
        String done = writer.awaitLine("done ", patience);
        reader.send("hold");
        reader.awaitLine("holding ", patience);
        writer.send("truncate");
        writer.awaitLine("truncated", patience);
        reader.send("probe");
        String slowest = reader.awaitLine("slowest failing call", patience);
        String result = reader.awaitLine("reader ok ", patience);
        System.out.println("two processes: " + slowest);
        reader.assertExitsCleanly(patience);
        writer.send("exit");
        writer.assertExitsCleanly(patience);
        assertTrue(Files.size(file) == 10, "the writer's truncation did not stick");
        long records = field(done, "records");
        long resizes = field(done, "grows") + field(done, "shrinks");
        assertTrue(records > 0 && resizes > 0, () -> "the writer did little: " + done);
        FIGURES.operations(records + resizes + field(result, "operations"));
        FIGURES.faults(field(done, "shrinks") + 1); // the writer's cuts under the reader
      }
      Files.delete(file);
    }
  }

  private static long field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return Long.parseLong(part.substring(name.length() + 1));
      }
    }
    throw new AssertionError("no " + name + " in " + line);
  }
}
