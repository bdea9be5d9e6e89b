package io.github.mmap4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceTallyTest {
  @Test
  void everyNumberOnceIsClean() {
    SequenceTally t = new SequenceTally(5);
    for (long s = 0; s < 5; s++) {
      t.intact(s);
    }
    assertEquals(5, t.received());
    assertEquals(0, t.lost());
    assertEquals(0, t.duplicated());
  }

  @Test
  void aMissingNumberIsLost() {
    SequenceTally t = new SequenceTally(5);
    for (long s : new long[] {0, 1, 3, 4}) {
      t.intact(s);
    }
    assertEquals(1, t.lost());
  }

  @Test
  void aRepeatIsDuplicatedWhereverItComes() {
    SequenceTally t = new SequenceTally(4);
    for (long s : new long[] {0, 1, 2, 3, 1}) {
      t.intact(s);
    }
    assertEquals(1, t.duplicated());
    assertEquals(0, t.lost());
    assertEquals(5, t.received());
  }

  @Test
  void aChecksumFailureLeavesItsNumberLost() {
    SequenceTally t = new SequenceTally(3);
    t.intact(0);
    t.checksumFailure();
    t.intact(2);
    assertEquals(1, t.checksumFailures());
    assertEquals(1, t.lost());
    assertEquals(3, t.received());
  }

  @Test
  void aNumberOutsideTheRunIsUnexpected() {
    SequenceTally t = new SequenceTally(2);
    t.intact(0);
    t.intact(1);
    t.intact(2);
    t.intact(-1);
    assertEquals(2, t.unexpected());
    assertEquals(0, t.duplicated());
  }
}
