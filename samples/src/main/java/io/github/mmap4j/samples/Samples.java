package io.github.mmap4j.samples;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The samples runner: {@code samples/run} with no argument lists the samples, {@code samples/run
 * NAME [options]} runs one, {@code samples/run NAME --help} shows its options.
 */
@Command(
    name = "samples/run",
    description = "Runs one of the mmap4j samples.",
    subcommands = {
      LogSearchCommand.class,
      PatchCommand.class,
      BigFileCommand.class,
      IpcCommand.class,
      TutorialCommand.class
    })
public final class Samples implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /** Runs the sample named by {@code args[0]}; exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The runner's command line: {@code execute(args)} runs a sample and returns its exit status. A
   * {@link SampleFailure} (a missing file, too little disk space) prints one line, not a stack
   * trace.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Samples());
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (!(e instanceof SampleFailure)) {
        throw e;
      }
      cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
      cmd.getErr().flush();
      return 1;
    });
    return commandLine;
  }

  /** No sample named: list them. */
  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("mmap4j samples. Run one with: samples/run NAME [--quick] [options]");
    out.println();
    for (Map.Entry<String, CommandLine> sample : spec.subcommands().entrySet()) {
      String[] description = sample.getValue().getCommandSpec().usageMessage().description();
      out.printf("  %-10s %s%n", sample.getKey(), description.length > 0 ? description[0] : "");
    }
    out.println();
    out.println("--quick uses small sizes (seconds); --kotlin runs the Kotlin version where one");
    out.println("exists; samples/run NAME --help lists a sample's options.");
    out.flush();
  }
}
