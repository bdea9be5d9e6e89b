package io.github.mmap4j.samples;

import java.io.IOException;
import java.nio.file.Path;

/** One way of finding the lines of a log that contain a word: mmap4j, or reading line by line. */
public interface LineSearch {
  /** What the timing table calls this way, e.g. {@code BufferedReader.readLine}. */
  String method();

  /**
   * The lines of {@code log} that contain {@code word}, numbered from 1, with the text of the first
   * {@code keep}. Lines end at {@code '\n'}.
   *
   * @param progress moved up to the file's size as the search goes
   */
  LineMatches search(Path log, String word, int keep, Progress progress) throws IOException;
}
