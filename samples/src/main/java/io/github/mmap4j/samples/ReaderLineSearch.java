package io.github.mmap4j.samples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.LineIterator;

/**
 * The usual ways: decode the file into a {@code String} per line and test each with {@code
 * contains}. Both read every byte and build every line, matching or not. Both also end a line at a
 * lone {@code '\r'}, which the mmap4j search does not: on such a file the line numbers differ (and
 * the sample says so).
 */
public enum ReaderLineSearch implements LineSearch {
  /** {@code BufferedReader.readLine()} in a loop. */
  BUFFERED_READER("BufferedReader.readLine") {
    @Override
    void scan(InputStream in, String word, LineMatches matches) throws IOException {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
        long lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          if (line.contains(word)) {
            matches.add(lineNumber, line);
          }
        }
      }
    }
  },

  /** Commons IO's {@code LineIterator}. */
  LINE_ITERATOR("Commons IO LineIterator") {
    @Override
    void scan(InputStream in, String word, LineMatches matches) throws IOException {
      try (LineIterator lines = IOUtils.lineIterator(in, UTF_8)) {
        long lineNumber = 0;
        while (lines.hasNext()) {
          String line = lines.next();
          lineNumber++;
          if (line.contains(word)) {
            matches.add(lineNumber, line);
          }
        }
      }
    }
  };

  private final String method;

  ReaderLineSearch(String method) {
    this.method = method;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public LineMatches search(Path log, String word, int keep, Progress progress) throws IOException {
    LineMatches matches = new LineMatches(keep);
    scan(progress.track(Files.newInputStream(log)), word, matches);
    return matches;
  }

  abstract void scan(InputStream in, String word, LineMatches matches) throws IOException;
}
