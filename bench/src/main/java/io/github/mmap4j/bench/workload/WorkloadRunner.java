package io.github.mmap4j.bench.workload;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JVM side of the side-by-side benchmark: runs workloads of docs/benchmarks.md with the common
 * protocol and prints {@code name work seconds rate unit} per workload.
 *
 * <pre>
 * java [flags] -cp benchmarks.jar io.github.mmap4j.bench.workload.WorkloadRunner \
 *     --data DIR [--only W1,W8b] [--runs N] [--warmups W] [--json OUT] [--label TEXT]
 * </pre>
 *
 * <p>Per workload: untimed setup; {@code W} untimed warm-up runs (default 5: the protocol's 2 plus
 * 3 for the JIT; the first one's time is {@code warmup_s}); N timed runs, each with its wall time,
 * thread CPU time and garbage collections; a check after every run; the final check; teardown.
 * {@code System.gc()} is never called.
 */
public final class WorkloadRunner {
  private static final int DEFAULT_WARMUPS = 5;

  private WorkloadRunner() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = options(args);
    BenchData data = new BenchData(Path.of(opts.getOrDefault("data", "/tmp/mmap4j-data")));
    int warmups = Integer.parseInt(opts.getOrDefault("warmups", "" + DEFAULT_WARMUPS));
    if (warmups < 2) {
      throw new IllegalArgumentException("--warmups must be at least the protocol's 2");
    }
    List<Workload> selected = select(opts.get("only"));
    List<Map<String, Object>> results = new ArrayList<>();
    for (Workload w : selected) {
      int runs = Integer.parseInt(opts.getOrDefault("runs", "" + w.defaultRuns()));
      Map<String, Object> result = measure(data, w, warmups, runs);
      results.add(result);
      System.out.println(line(w, result));
    }
    if (opts.containsKey("json")) {
      Map<String, Object> doc = metadata(opts.getOrDefault("label", ""), warmups);
      doc.put("results", results);
      Files.writeString(Path.of(opts.get("json")), JsonText.of(doc));
    }
  }

  private static Map<String, Object> measure(BenchData data, Workload w, int warmups, int runs)
      throws IOException {
    List<Double> warm = new ArrayList<>();
    List<Double> samples = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Long> gcCount = new ArrayList<>();
    List<Double> gcSeconds = new ArrayList<>();
    long work;
    try (Trial trial = w.setup().open(data)) {
      work = trial.work();
      for (int i = 0; i < warmups; i++) {
        Meter start = Meter.before();
        long r = trial.run();
        warm.add(Meter.after().since(start).wallNanos() / 1e9);
        trial.check(r);
      }
      for (int i = 0; i < runs; i++) {
        Meter start = Meter.before();
        long r = trial.run();
        Meter cost = Meter.after().since(start);
        trial.check(r);
        samples.add(cost.wallNanos() / 1e9);
        cpu.add(cost.cpuNanos() / 1e9);
        gcCount.add(cost.gcCount());
        gcSeconds.add(cost.gcMillis() / 1e3);
      }
      trial.finalCheck();
    }
    double median = median(samples);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", w.id());
    r.put("name", w.name());
    r.put("unit", w.unit());
    r.put("work", work);
    r.put("runs", runs);
    r.put("samples_s", samples);
    r.put("cpu_s", cpu);
    r.put("warmup_s", warm.getFirst());
    r.put("warmups", warmups);
    r.put("warmups_s", warm);
    r.put("gc_count", gcCount);
    r.put("gc_s", gcSeconds);
    r.put("median_s", median);
    r.put("min_s", samples.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    r.put("max_s", samples.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    r.put("rate", work / median / (w.inBytes() ? 1e9 : 1));
    return r;
  }

  private static String line(Workload w, Map<String, Object> r) {
    double rate = (Double) r.get("rate");
    return String.format(
        Locale.ROOT,
        "%s %d %.6f %s %s",
        w.name(),
        (Long) r.get("work"),
        (Double) r.get("median_s"),
        String.format(Locale.ROOT, w.inBytes() ? "%.4f" : "%.1f", rate),
        w.unit());
  }

  private static Map<String, Object> metadata(String label, int warmups) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("side", "jvm");
    doc.put("label", label);
    doc.put("jdk", Runtime.version().toString());
    doc.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.vendor"));
    doc.put("vector_api", ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    doc.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
    doc.put("cpus", Runtime.getRuntime().availableProcessors());
    doc.put("warmups", warmups);
    doc.put("system_gc_between_runs", false);
    return doc;
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static List<Workload> select(String only) {
    if (only == null) {
      return Workloads.ALL;
    }
    List<String> ids = Arrays.stream(only.split(",")).map(String::strip).toList();
    for (String id : ids) {
      if (Workloads.ALL.stream().noneMatch(w -> w.id().equalsIgnoreCase(id))) {
        throw new IllegalArgumentException("unknown workload id: " + id);
      }
    }
    return Workloads.ALL.stream()
        .filter(w -> ids.stream().anyMatch(w.id()::equalsIgnoreCase))
        .toList();
  }

  private static Map<String, String> options(String[] args) {
    Set<String> known = Set.of("data", "only", "runs", "warmups", "json", "label");
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!known.contains(key) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: WorkloadRunner [--data DIR] [--only W1,W8b] [--runs N] [--warmups W]"
                + " [--json OUT] [--label TEXT]; bad argument: "
                + args[i]);
      }
      out.put(key, args[i + 1]);
    }
    return out;
  }
}
