package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmap4j.Mmap;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code samples/run patch}: the WRITE map changes one field on disk, the COPY map nothing. */
class PatchSampleTest {
  @TempDir Path dir;

  private SampleRun patch(boolean kotlin) {
    Path sampleDir = dir.resolve("sample");
    return kotlin
        ? SampleRun.of("patch", "--quick", "--dir", sampleDir.toString(), "--kotlin")
        : SampleRun.of("patch", "--quick", "--dir", sampleDir.toString());
  }

  /** The file as the sample first writes it, with its version field set to 2. */
  private byte[] originalWithVersion2() throws Exception {
    byte[] expected = RecordFile.create(dir.resolve("original.rec"));
    assertEquals(1, RecordFile.header(expected).version());
    expected[RecordFile.VERSION_OFFSET + 1] = 2;
    return expected;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theFileEndsWithOnlyTheVersionChanged(boolean kotlin) throws Exception {
    SampleRun run = patch(kotlin);
    assertEquals(0, run.exitCode(), run.transcript());
    byte[] file = Files.readAllBytes(dir.resolve("sample/readings.rec"));
    // The COPY step's record edit and checksum never reached the file.
    assertArrayEquals(originalWithVersion2(), file, run.transcript());
    assertEquals(2, RecordFile.header(file).version());
    assertTrue(run.lines().contains("changed offsets: 5"), run.transcript());
    assertTrue(
        run.lines().contains("changed offsets since the WRITE step: none"), run.transcript());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theCopyMapHeldTheTrialEdit(boolean kotlin) throws Exception {
    SampleRun run = patch(kotlin);
    assertEquals(0, run.exitCode(), run.transcript());
    // The reading's last two bytes (f4 16 -> f4 7a) and the four checksum bytes differ.
    assertTrue(
        run.lines().contains("changed offsets in the map: 12, 13, 14, 15, 63"), run.transcript());
    byte[] tried = originalWithVersion2();
    int at = RecordFile.readingOffset(2);
    ByteBuffer.wrap(tried).putLong(at, -2_950); // big-endian, like the file
    long crc = RecordFile.checksum(Arrays.copyOfRange(tried, RecordFile.HEADER_SIZE, tried.length));
    assertTrue(
        run.out()
            .contains(
                String.format(
                    "in the map: magic RECS, version 2, 4 records, checksum 0x%08x", crc)),
        run.transcript());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anUnalignedFlushIsRefusedAndThePageFlushWorks(boolean kotlin) {
    SampleRun run = patch(kotlin);
    assertTrue(
        run.out()
            .contains(
                "m.flush(4, 2)                     -> IOException: [Errno 22] Invalid argument"
                    + " (flush offset 4 is not a multiple of PAGESIZE "
                    + Mmap.PAGESIZE
                    + ")"),
        run.transcript());
    assertTrue(run.out().contains("m.flush(0, 6)"), run.transcript());
  }
}
