package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code samples/run big --quick}: what it reads is what it wrote, beyond 2 and 4 GiB. */
class BigFileSampleTest {
  private static final long TWO_31 = 1L << 31;
  private static final long TWO_32 = 1L << 32;

  @TempDir Path dir;

  @Test
  void readsReturnWhatWasWrittenAndTheFileHoldsIt() throws Exception {
    SampleRun run = SampleRun.of("big", "--quick", "--dir", dir.toString());
    assertEquals(0, run.exitCode(), run.transcript());
    assertFalse(run.out().contains("NOT AS WRITTEN"), run.transcript());
    for (String line :
        new String[] {
          "m[2^31 - 1] = 0x11   m[2,147,483,647] -> 0x11",
          "m[2^31    ] = 0x22   m[2,147,483,648] -> 0x22",
          "m[2^32 + 1] = 0x66   m[4,294,967,297] -> 0x66",
          "m[len - 1 ] = 0x77   m[6,442,450,943] -> 0x77",
          "m[2^32 - 2 : 2^32 + 2] -> b'\\x00DUf', i.e. 00 44 55 66",
          "m.rfind(needle, 2^31 - 1 MiB, 2^31 + 1 MiB) -> 2,147,483,643",
          "m.resize(7,516,192,768): length() = 7,516,192,768, size() = 7,516,192,768",
          "m[0] -> 0x55, m[1] -> 0x66 (bytes 2^32 and 2^32 + 1 of the file)",
          "RandomAccessFile: length 7,516,192,768; 16 of the 16 bytes written through the maps"
              + " read back",
        }) {
      assertTrue(run.lines().contains(line), line + "\n" + run.transcript());
    }
    assertTrue(
        run.out().contains("m.find(needle, 2,146,435,072) -> 2,147,483,643 (2^31 - 5)"),
        run.transcript());

    // Read the kept file on our own, past the sample's own check.
    Map<Long, Integer> expected =
        Map.of(
            TWO_31 - 6,
            0,
            TWO_31 - 5,
            (int) 'm',
            TWO_31 + 5,
            (int) '1',
            TWO_32 - 1,
            0x44,
            TWO_32 + 1,
            0x66,
            (6L << 30) - 1,
            0x77,
            6L << 30,
            0,
            (7L << 30) - 1,
            0x88);
    try (RandomAccessFile raf = new RandomAccessFile(dir.resolve("big.bin").toFile(), "r")) {
      assertEquals(7L << 30, raf.length());
      for (Map.Entry<Long, Integer> e : expected.entrySet()) {
        raf.seek(e.getKey());
        assertEquals(e.getValue(), raf.read(), "byte at " + e.getKey());
      }
    }
  }

  @Test
  void withoutDirTheFileIsRemoved() {
    SampleRun run = SampleRun.of("big", "--quick");
    assertEquals(0, run.exitCode(), run.transcript());
    String removed =
        run.lines().stream().filter(l -> l.startsWith("removed ")).findFirst().orElseThrow();
    Path file = Path.of(removed.substring("removed ".length()));
    assertTrue(file.toString().endsWith("big.bin"), removed);
    assertFalse(Files.exists(file.getParent()), file.getParent() + " should be gone");
  }
}
