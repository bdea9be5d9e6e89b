package io.github.mmap4j.bench.threads;

import org.openjdk.jmh.annotations.Threads;

/** {@link ThreadScalingBenchmark} on two threads at once; ops/s are summed over both. */
@Threads(2)
public class TwoThreadsScalingBenchmark extends ThreadScalingBenchmark {}
