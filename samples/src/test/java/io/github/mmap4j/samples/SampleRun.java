package io.github.mmap4j.samples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One run of the samples runner in this JVM: its exit status and what it printed. */
record SampleRun(int exitCode, String out, String err) {
  /** Runs {@code samples/run args…} through {@link Samples#commandLine()}. */
  static SampleRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Samples.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new SampleRun(exitCode, out.toString(), err.toString());
  }

  List<String> lines() {
    return out.lines().toList();
  }

  /** Everything printed, for assertion messages. */
  String transcript() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
