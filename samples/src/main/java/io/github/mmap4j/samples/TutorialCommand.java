package io.github.mmap4j.samples;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code samples/run tutorial}: the seed tutorial's walkthrough, in Java or Kotlin. */
@Command(
    name = "tutorial",
    description = "The seed tutorial step by step: read a file as a file and as bytes, write.")
public final class TutorialCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common; // --quick changes nothing: the tutorial's file is 67 bytes

  @Option(names = "--kotlin", description = "Run the Kotlin version (the mmap4j DSL).")
  boolean kotlin;

  @Override
  public Integer call() throws IOException {
    spec.commandLine().getOut().flush(); // the walkthroughs print to System.out directly
    try (WorkDirectory dir = common.workDirectory("mmap4j-tutorial")) {
      String[] args = {dir.path().resolve("myfile.txt").toString()};
      if (kotlin) {
        SeedWalkthroughKt.main(args);
      } else {
        SeedWalkthrough.main(args);
      }
    }
    System.out.flush();
    return 0;
  }
}
