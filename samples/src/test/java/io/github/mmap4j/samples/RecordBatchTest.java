package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecordBatchTest {
  @Test
  void anEncodedRecordReadsBackIntact() {
    RecordBatch batch = new RecordBatch();
    batch.encode(3, 123_456_789L, -42L);
    assertTrue(batch.intact(3));
    assertEquals(123_456_789L, batch.sequence(3));
    assertEquals(-42L, batch.sentNanos(3));
  }

  @Test
  void aCorruptedRecordFailsItsChecksum() {
    RecordBatch batch = new RecordBatch();
    batch.encode(0, 7, 1_000);
    batch.corrupt(0);
    assertFalse(batch.intact(0));
    assertEquals(7, batch.sequence(0));
  }

  @Test
  void anyFlippedBitOfTheFirst56BytesIsCaught() {
    RecordBatch batch = new RecordBatch();
    for (int bit = 0; bit < 56 * 8; bit++) {
      batch.encode(1, 99, 5);
      batch.bytes()[RingLayout.SLOT_SIZE + bit / 8] ^= (byte) (1 << bit % 8);
      assertFalse(batch.intact(1), "bit " + bit);
    }
  }

  @Test
  void recordsFillTheirOwnSlotsOnly() {
    RecordBatch batch = new RecordBatch();
    batch.encode(0, 1, 10);
    batch.encode(1, 2, 20);
    batch.encode(0, 3, 30);
    assertEquals(2, batch.sequence(1));
    assertTrue(batch.intact(1));
  }
}
