package io.github.mmap4j.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code samples/run big}: a sparse 6 GiB file, read and written across 2^31 and 2^32. */
@Command(
    name = "big",
    description =
        "Beyond 2 GiB: a sparse 6 GiB file, bytes at 2^31 ± 1 and 2^32 ± 1, find, resize.",
    footer = {
      "",
      "The file is sparse: only the pages written take disk space (about 64 MiB must be free)."
          + " Reading a hole makes the kernel allocate a zeroed page, so find covers only a window"
          + " before 2^31: --find-window 2GiB searches from 0 (slowly)."
    })
public final class BigFileCommand implements Callable<Integer> {
  /** Free space asked for: the file is sparse, so a few written pages plus a wide margin. */
  static final long NEEDED_FREE = 64L << 20;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--find-window",
      paramLabel = "SIZE",
      converter = ByteSize.Converter.class,
      description = "find starts this far before 2^31 (default 64MiB; 1MiB with --quick).")
  Long findWindow;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (WorkDirectory dir = common.workDirectory("mmap4j-big")) {
      long free = Files.getFileStore(dir.path()).getUsableSpace();
      if (free < NEEDED_FREE) {
        throw new SampleFailure(
            String.format(
                "needs %s free in %s for its sparse file, which has %s; pass --dir on another"
                    + " file system",
                ByteSize.format(NEEDED_FREE), dir.path(), ByteSize.format(free)));
      }
      Path file = dir.path().resolve("big.bin");
      long window = findWindow != null ? findWindow : common.quick() ? 1L << 20 : 64L << 20;
      if (window < 16 || window > 1L << 31) {
        throw new SampleFailure("--find-window must be between 16 bytes and 2GiB");
      }
      boolean ok = new BigFileTour(out, window).run(file);
      if (dir.temporary()) {
        out.println("removed " + file);
      }
      out.flush();
      return ok ? 0 : 1;
    }
  }
}
