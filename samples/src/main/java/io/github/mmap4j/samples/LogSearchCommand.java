package io.github.mmap4j.samples;

import io.github.mmap4j.samples.LineMatches.Match;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code samples/run logsearch}: finds every line of a big log that contains a word, with line
 * numbers, the mmap4j way and the two usual ways, and prints how long each took.
 */
@Command(
    name = "logsearch",
    description =
        "Find the lines holding a word in a multi-GiB log: mmap4j vs BufferedReader vs"
            + " LineIterator.",
    footer = {
      "",
      "Without --file, a log of --size bytes is generated in --dir (or a temporary directory)"
          + " and searched; the word '"
          + LogGenerator.PLANTED_WORD
          + "' is on its first and last line and on about one line in "
          + LogGenerator.PLANTED_ONE_IN
          + "."
    })
public final class LogSearchCommand implements Callable<Integer> {
  private static final long QUICK_SIZE = 32L << 20;
  private static final long DEFAULT_SIZE = 2L << 30;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--file",
      paramLabel = "LOG",
      description = "The log to search; generated (and kept) first if it does not exist.")
  Path file;

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      converter = ByteSize.Converter.class,
      description =
          "Size of a generated log, e.g. 2GiB, 512MiB (default 2GiB; 32MiB with --quick).")
  Long size;

  @Option(
      names = "--word",
      paramLabel = "WORD",
      defaultValue = LogGenerator.PLANTED_WORD,
      description = "The word to find (default: ${DEFAULT-VALUE}).")
  String word;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Seed of a generated log: the same seed and size give the same bytes.")
  long seed;

  @Option(
      names = "--show",
      defaultValue = "10",
      paramLabel = "N",
      description = "Print the first N matching lines (default: ${DEFAULT-VALUE}).")
  int show;

  @Option(names = "--kotlin", description = "Search with the Kotlin version (the mmap4j DSL).")
  boolean kotlin;

  @Option(
      names = "--no-progress",
      description = "No progress bars (they are drawn only on a terminal anyway).")
  boolean noProgress;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (word.isEmpty() || word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
      throw new SampleFailure("--word must be non-empty and on one line");
    }
    if (show < 0) {
      throw new SampleFailure("--show must be 0 or more");
    }
    boolean progress = !noProgress && Progress.terminal();
    try (WorkDirectory dir = common.workDirectory("mmap4j-logsearch")) {
      Path log = file != null ? file : dir.path().resolve("app.log");
      prepare(log, out, progress);
      List<LineSearch> searches = kotlin ? LogSearchKotlin.searches() : javaSearches();
      List<Timed> results = new ArrayList<>();
      for (LineSearch search : searches) {
        String label = "search " + (results.size() + 1) + "/" + searches.size();
        results.add(time(search, label, log, progress));
      }
      report(results, Files.size(log), out);
      if (dir.temporary() && file == null) {
        out.println("removed " + log);
      }
      out.flush();
      return results.stream().allMatch(r -> r.matches().sameLinesAs(results.get(0).matches()))
          ? 0
          : 1;
    }
  }

  private static List<LineSearch> javaSearches() {
    return List.of(
        new MmapLineSearch(), ReaderLineSearch.BUFFERED_READER, ReaderLineSearch.LINE_ITERATOR);
  }

  private void prepare(Path log, PrintWriter out, boolean progress) throws IOException {
    out.printf(
        Locale.ROOT,
        "# logsearch (%s): lines containing \"%s\" in %s%n",
        kotlin ? "Kotlin" : "Java",
        word,
        log);
    if (Files.isDirectory(log) || Files.exists(log) && Files.size(log) == 0) {
      throw new SampleFailure(log + " is " + (Files.isDirectory(log) ? "a directory" : "empty"));
    }
    if (Files.exists(log)) {
      out.println("using the existing file: " + ByteSize.format(Files.size(log)));
      out.println("(parts not in the page cache are read from disk by the first method only)");
      return;
    }
    long bytes = size != null ? size : common.quick() ? QUICK_SIZE : DEFAULT_SIZE;
    if (bytes < 4096) {
      throw new SampleFailure("--size must be at least 4KiB");
    }
    Path parent = log.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      throw new SampleFailure("cannot generate " + log + ": no directory " + parent);
    }
    long free = Files.getFileStore(parent).getUsableSpace();
    if (free < bytes + (64L << 20)) {
      throw new SampleFailure(
          String.format(
              "a %s log does not fit in %s (%s free); pass --size or --dir",
              ByteSize.format(bytes), parent, ByteSize.format(free)));
    }
    long started = System.nanoTime();
    LogGenerator.GeneratedLog generated;
    try (Progress bar = Progress.start(progress, "generating", bytes)) {
      generated = LogGenerator.write(log, bytes, seed, bar);
    }
    out.printf(
        Locale.ROOT,
        "generated %s (%,d lines, seed %d) in %.1f s; \"%s\" is on %d of them%n",
        ByteSize.format(generated.bytes()),
        generated.lines(),
        seed,
        (System.nanoTime() - started) / 1e9,
        LogGenerator.PLANTED_WORD,
        generated.plantedLines().size());
  }

  private record Timed(LineSearch search, LineMatches matches, long nanos) {}

  private Timed time(LineSearch search, String label, Path log, boolean progress)
      throws IOException {
    try (Progress bar = Progress.start(progress, label, Files.size(log))) {
      long started = System.nanoTime();
      LineMatches matches = search.search(log, word, show, bar);
      return new Timed(search, matches, System.nanoTime() - started);
    }
  }

  private void report(List<Timed> results, long bytes, PrintWriter out) {
    LineMatches first = results.get(0).matches();
    out.println();
    out.printf(
        Locale.ROOT, "%,d matching lines (%s):%n", first.count(), results.get(0).search().method());
    for (Match match : first.kept()) {
      out.printf(Locale.ROOT, "%,12d: %s%n", match.line(), match.text());
    }
    if (first.count() > first.kept().size()) {
      out.printf(
          Locale.ROOT,
          "%12s  ... and %,d more (--show N prints more)%n",
          "",
          first.count() - first.kept().size());
    }
    out.println();
    out.printf(
        "%-34s %9s %8s %12s%n", "method (" + ByteSize.format(bytes) + ")", "time", "GB/s", "lines");
    for (Timed r : results) {
      double seconds = r.nanos() / 1e9;
      out.printf(
          Locale.ROOT,
          "%-34s %7.2f s %8.2f %,12d%n",
          r.search().method(),
          seconds,
          bytes / 1e9 / seconds,
          r.matches().count());
    }
    boolean agree = results.stream().allMatch(r -> r.matches().sameLinesAs(first));
    out.println(
        agree ? "all three found the same lines" : "MISMATCH: the methods found different lines");
  }
}
