package io.github.mmap4j.samples;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Byte counts on the command line ({@code 2GiB}, {@code 512MiB}, {@code 100MB}, {@code 4096}). */
public final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(|B|KB|MB|GB|KIB|MIB|GIB|K|M|G)", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /**
   * The number of bytes {@code text} names; binary units (KiB, MiB, GiB, and K, M, G) count in
   * powers of 1024, decimal ones (KB, MB, GB) in powers of 1000.
   */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a size: '" + text + "' (examples: 2GiB, 512MiB, 100MB, 4096)");
    }
    long multiplier =
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
          case "", "B" -> 1;
          case "KB" -> 1_000;
          case "MB" -> 1_000_000;
          case "GB" -> 1_000_000_000;
          case "K", "KIB" -> 1L << 10;
          case "M", "MIB" -> 1L << 20;
          default -> 1L << 30;
        };
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("too large: '" + text + "'");
    }
  }

  /** {@code 2.00 GiB}, {@code 32.0 MiB}, {@code 812 bytes}: what a person reads at a glance. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : "%.1f %s", value, units[unit]);
  }

  /** Lets picocli read {@code --size 2GiB}. */
  public static final class Converter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
