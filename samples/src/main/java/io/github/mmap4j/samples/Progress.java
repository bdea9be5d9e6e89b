package io.github.mmap4j.samples;

import java.io.Console;
import java.io.InputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.commons.io.input.ProxyInputStream;

/**
 * A progress bar over a number of bytes on standard error, or nothing at all: bars are only drawn
 * on a terminal, so tests and redirected runs print no escape sequences.
 */
public final class Progress implements AutoCloseable {
  private static final long MIB = 1 << 20;

  private final ProgressBar bar; // null when not shown

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Whether the console is a terminal, where a bar that redraws itself makes sense. */
  public static boolean terminal() {
    Console console = System.console();
    return console != null && console.isTerminal();
  }

  /** A bar named {@code task} that counts up to {@code totalBytes}, if {@code show}. */
  public static Progress start(boolean show, String task, long totalBytes) {
    if (!show) {
      return new Progress(null);
    }
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(totalBytes)
            .setUnit(" MiB", MIB)
            .setUpdateIntervalMillis(200)
            .showSpeed()
            .build());
  }

  /** Moves the bar to {@code bytes} done. */
  public void stepTo(long bytes) {
    if (bar != null) {
      bar.stepTo(bytes);
    }
  }

  /** {@code in}, moving the bar by every byte read from it. */
  public InputStream track(InputStream in) {
    if (bar == null) {
      return in;
    }
    return new ProxyInputStream(in) {
      @Override
      protected void afterRead(int n) {
        if (n > 0) {
          bar.stepBy(n);
        }
      }
    };
  }

  /** Draws the final state and stops the bar's refresh thread. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
