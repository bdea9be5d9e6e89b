package io.github.mmap4j.samples;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a web shop's application log: timestamped lines from a few loggers and threads, the same
 * bytes for the same seed and size. The word {@link #PLANTED_WORD} appears only on rare {@code
 * ERROR} lines, always on the first and the last line, and the generator reports which, so a search
 * has a known answer.
 *
 * <p>Lines are assembled byte by byte from pre-encoded pieces (no {@code String.format} per line):
 * a 2 GiB log takes seconds, most of it the disk.
 */
public final class LogGenerator {
  /** The word on the planted lines, and nowhere else. */
  public static final String PLANTED_WORD = "deadlock";

  /** On average one line in this many is a planted one. */
  static final int PLANTED_ONE_IN = 20_000;

  private static final long START_MILLIS =
      LocalDateTime.of(2025, 3, 14, 9, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  private static final int MAX_LINE = 256; // longer than any line the templates make
  private static final String[] THREADS = {
    "http-nio-8080-exec-", "http-nio-8080-exec-", "http-nio-8080-exec-", "scheduler-", "db-pool-"
  };

  /** A level, a logger and a message with {@code {}} where random numbers go. */
  private record Template(byte[] level, byte[][] parts, int[] bounds) {
    static Template of(String level, String logger, String message, int... bounds) {
      // The thread name comes before "] "; parts[0] continues the line from there.
      String[] pieces = ("] " + logger + " - " + message).split("\\{}", -1);
      if (pieces.length != bounds.length + 1) {
        throw new IllegalArgumentException("one bound per {} in " + message);
      }
      byte[][] parts = new byte[pieces.length][];
      for (int i = 0; i < pieces.length; i++) {
        parts[i] = pieces[i].getBytes(US_ASCII);
      }
      return new Template(String.format("%-5s ", level).getBytes(US_ASCII), parts, bounds);
    }
  }

  /** Ordinary traffic; none of these contains {@link #PLANTED_WORD}. */
  private static final Template[] COMMON = {
    Template.of("INFO", "c.e.shop.web.RequestLog", "GET /api/orders/{} 200 {} ms", 999_999, 400),
    Template.of("INFO", "c.e.shop.web.RequestLog", "GET /api/products/{} 200 {} ms", 99_999, 90),
    Template.of(
        "INFO", "c.e.shop.web.RequestLog", "POST /api/cart/{}/items 201 {} ms", 99_999, 250),
    Template.of(
        "INFO",
        "c.e.shop.order.OrderService",
        "order {} shipped from warehouse {} in {} ms",
        999_999,
        12,
        900),
    Template.of(
        "INFO",
        "c.e.shop.payment.PaymentClient",
        "payment {} authorized, amount {}.{} EUR",
        9_999_999,
        2_000,
        100),
    Template.of(
        "DEBUG",
        "c.e.shop.cache.CatalogCache",
        "cache hit for product {} ({} entries)",
        99_999,
        50_000),
    Template.of(
        "DEBUG", "c.e.shop.cache.CatalogCache", "cache miss for product {}, loading", 99_999),
    Template.of(
        "WARN", "c.e.shop.db.ConnectionPool", "pool at {}% capacity, {} requests waiting", 100, 40),
    Template.of(
        "WARN",
        "c.e.shop.web.RequestLog",
        "GET /api/search?q=item{} 499 client closed the connection after {} ms",
        9_999,
        30_000),
    Template.of(
        "ERROR",
        "c.e.shop.payment.PaymentClient",
        "payment {} declined by issuer: card expired",
        9_999_999),
  };

  private static final Template PLANTED =
      Template.of(
          "ERROR",
          "c.e.shop.db.LockMonitor",
          PLANTED_WORD + " detected between tx {} and tx {}, rolled back tx {}",
          9_999_999,
          9_999_999,
          9_999_999);

  /** What {@link #write} produced. */
  public record GeneratedLog(long bytes, long lines, List<Long> plantedLines) {}

  private final SplittableRandom random;
  private final byte[] buffer = new byte[1 << 20];
  private int used;
  private long millis = START_MILLIS;
  private long second = -1;
  private final byte[] stamp = "2025-03-14 09:00:00.".getBytes(US_ASCII);

  private LogGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Writes about {@code size} bytes of log to {@code file} (replacing it; within one line of {@code
   * size}, at least one line). Real bytes on disk, not a sparse file.
   */
  public static GeneratedLog write(Path file, long size, long seed, Progress progress)
      throws IOException {
    if (size < MAX_LINE) {
      throw new IllegalArgumentException("a log needs at least " + MAX_LINE + " bytes");
    }
    return new LogGenerator(seed).writeTo(file, size, progress);
  }

  private GeneratedLog writeTo(Path file, long size, Progress progress) throws IOException {
    List<Long> planted = new ArrayList<>();
    long written = 0;
    long lines = 0;
    try (FileChannel out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      // The first and the last line are planted: the start and the end of the file are where a
      // hand-written line search slips (no '\n' before the first line, none after the last).
      while (written + used + MAX_LINE < size) {
        lines++;
        boolean plant = lines == 1 || random.nextInt(PLANTED_ONE_IN) == 0;
        if (plant) {
          planted.add(lines);
        }
        line(plant ? PLANTED : COMMON[random.nextInt(COMMON.length)]);
        if (used > buffer.length - MAX_LINE) {
          written += drain(out);
          progress.stepTo(written);
        }
      }
      lines++;
      planted.add(lines);
      line(PLANTED);
      written += drain(out);
      progress.stepTo(written);
    }
    return new GeneratedLog(written, lines, List.copyOf(planted));
  }

  private long drain(FileChannel out) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, used);
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    int n = used;
    used = 0;
    return n;
  }

  /** {@code 2025-03-14 09:26:53.589 INFO [http-nio-8080-exec-7] logger - message\n}. */
  private void line(Template template) {
    millis += random.nextInt(40);
    timestamp();
    put(template.level());
    buffer[used++] = '[';
    String thread = THREADS[random.nextInt(THREADS.length)];
    for (int i = 0; i < thread.length(); i++) {
      buffer[used++] = (byte) thread.charAt(i);
    }
    number(1 + random.nextInt(8));
    byte[][] parts = template.parts();
    put(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      number(random.nextInt(template.bounds()[i - 1]));
      put(parts[i]);
    }
    buffer[used++] = '\n';
  }

  private void timestamp() {
    long s = Math.floorDiv(millis, 1000);
    if (s != second) { // the date and time change once a second: format them only then
      second = s;
      String text = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toString();
      // toString() drops ":00" seconds; keep the fixed width yyyy-MM-ddTHH:mm:ss
      text = text.length() == 16 ? text + ":00" : text;
      byte[] dateTime = text.replace('T', ' ').getBytes(US_ASCII);
      System.arraycopy(dateTime, 0, stamp, 0, 19);
    }
    put(stamp);
    int ms = (int) Math.floorMod(millis, 1000);
    buffer[used++] = (byte) ('0' + ms / 100);
    buffer[used++] = (byte) ('0' + ms / 10 % 10);
    buffer[used++] = (byte) ('0' + ms % 10);
    buffer[used++] = ' ';
  }

  private void put(byte[] bytes) {
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
  }

  private void number(int value) {
    int digits = 1;
    for (int v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = used + digits - 1; i >= used; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    used += digits;
  }
}
