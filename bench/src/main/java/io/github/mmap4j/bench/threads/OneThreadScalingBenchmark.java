package io.github.mmap4j.bench.threads;

import org.openjdk.jmh.annotations.Threads;

/** {@link ThreadScalingBenchmark} on one thread (JMH's {@code -t N} overrides the count). */
@Threads(1)
public class OneThreadScalingBenchmark extends ThreadScalingBenchmark {}
