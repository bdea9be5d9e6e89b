package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code --size 2GiB} and friends, and how sizes are printed. */
class ByteSizeTest {
  @Test
  void binaryUnitsCountInPowersOf1024() {
    assertEquals(2L << 30, ByteSize.parse("2GiB"));
    assertEquals(512L << 20, ByteSize.parse("512mib"));
    assertEquals(32L << 20, ByteSize.parse("32M"));
    assertEquals(4096, ByteSize.parse("4K"));
  }

  @Test
  void decimalUnitsCountInPowersOf1000() {
    assertEquals(100_000_000, ByteSize.parse("100MB"));
    assertEquals(3_000_000_000L, ByteSize.parse("3 GB"));
    assertEquals(4096, ByteSize.parse("4096"));
  }

  @Test
  void badAndOverflowingSizesAreRefused() {
    assertEquals(
        "not a size: '2 GiBs' (examples: 2GiB, 512MiB, 100MB, 4096)",
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("2 GiBs")).getMessage());
    assertEquals(
        "too large: '9000000000GiB'",
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("9000000000GiB"))
            .getMessage());
  }

  @Test
  void formatPicksTheLargestUnitBelowTheValue() {
    assertEquals("812 bytes", ByteSize.format(812));
    assertEquals("32.0 MiB", ByteSize.format(32L << 20));
    assertEquals("2.00 GiB", ByteSize.format(2L << 30));
    assertEquals("1.50 KiB", ByteSize.format(1536));
  }
}
