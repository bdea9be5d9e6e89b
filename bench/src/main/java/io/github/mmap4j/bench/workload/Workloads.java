package io.github.mmap4j.bench.workload;

import java.util.List;

/**
 * Every workload of docs/benchmarks.md in run order: W1-W12, then W8b, W11b, W13, W14. The JVM-only
 * raw-JDK twins of W8 and W11 follow the workload they are the bar for.
 */
final class Workloads {
  static final List<Workload> ALL =
      List.of(
          new Workload("W1", "W1_find_absent16", "GB/s", 7, SearchTrial::findAbsent16),
          new Workload("W2", "W2_find_absent1", "GB/s", 9, SearchTrial::findAbsent1),
          new Workload("W3", "W3_rfind_absent16", "GB/s", 5, SearchTrial::rfindAbsent16),
          new Workload("W4", "W4_find_planted16", "GB/s", 7, SearchTrial::findPlanted16),
          new Workload("W5", "W5_readline_count", "GB/s", 5, LineAndByteTrials.ReadLineCount::new),
          new Workload("W6", "W6_read_byte_loop", "GB/s", 5, LineAndByteTrials.ReadByteLoop::new),
          new Workload("W7", "W7_write_byte_loop", "GB/s", 5, LineAndByteTrials.WriteByteLoop::new),
          new Workload("W8", "W8_random_slice4k", "ops/s", 5, RandomSliceTrials.Slice::new),
          new Workload(
              "W8raw", "W8raw_random_slice4k_segment", "ops/s", 5, RandomSliceTrials.Raw::new),
          new Workload("W9", "W9_slice_assign4k", "GB/s", 9, BulkWriteTrials.SliceAssign::new),
          new Workload("W10", "W10_open_close_1m", "ops/s", 5, MapLifecycleTrials.OpenClose::new),
          new Workload("W11", "W11_read_1m_chunks", "GB/s", 9, ChunkReadTrials.Read::new),
          new Workload(
              "W11raw", "W11raw_read_1m_chunks_segment", "GB/s", 9, ChunkReadTrials.Raw::new),
          new Workload("W12", "W12_move_64m", "GB/s", 15, BulkWriteTrials.Move::new),
          new Workload("W8b", "W8b_random_get4k", "ops/s", 5, RandomSliceTrials.GetInto::new),
          new Workload("W11b", "W11b_read_into_1m", "GB/s", 9, ChunkReadTrials.ReadInto::new),
          new Workload("W13", "W13_anon_16m", "ops/s", 5, MapLifecycleTrials.Anonymous::sixteenMiB),
          new Workload("W14", "W14_anon_8k", "ops/s", 5, MapLifecycleTrials.Anonymous::eightKiB));

  private Workloads() {}
}
