package io.github.mmap4j.bench.workload;

import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * A trial on what setup mapped: a library map {@code m}, or for the raw-JDK twins a plain segment
 * {@code raw} (the other one is null). Closing the trial closes it and deletes a scratch file.
 */
abstract class MappedTrial implements Trial {
  private final BenchData.Mapped mapped;
  final Mmap m;
  final MemorySegment raw;

  MappedTrial(BenchData.Mapped mapped) {
    this.mapped = mapped;
    this.m = mapped instanceof BenchData.OpenMap open ? open.map() : null;
    this.raw = mapped instanceof BenchData.RawMap plain ? plain.segment() : null;
  }

  @Override
  public void close() throws IOException {
    mapped.close();
  }
}
