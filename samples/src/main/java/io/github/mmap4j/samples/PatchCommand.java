package io.github.mmap4j.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code samples/run patch}: edit a binary file's header in place; try edits in a COPY map. */
@Command(
    name = "patch",
    description =
        "Edit a binary file's header in place (WRITE map, flush); try edits in a COPY map.")
public final class PatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--kotlin", description = "Run the Kotlin version (the mmap4j DSL).")
  boolean kotlin;

  @Override
  public Integer call() throws IOException {
    try (WorkDirectory dir = common.workDirectory("mmap4j-patch")) {
      Path file = dir.path().resolve("readings.rec");
      if (kotlin) {
        new BinaryPatchKotlin(spec.commandLine().getOut()).run(file);
      } else {
        new BinaryPatch(spec.commandLine().getOut()).run(file);
      }
      return 0;
    }
  }
}
