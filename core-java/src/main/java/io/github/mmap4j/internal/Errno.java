package io.github.mmap4j.internal;

/** The Linux errno values mmap4j reports, with glibc's {@code strerror} texts. */
public final class Errno {
  public static final int EBADF = 9;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EFAULT = 14;
  public static final int EINVAL = 22;
  public static final int EFBIG = 27;

  private Errno() {}

  /** {@code "[Errno 22] Invalid argument"}, as CPython prints an {@code OSError}. */
  public static String describe(int errno) {
    return "[Errno " + errno + "] " + text(errno);
  }

  /**
   * The errno whose {@code strerror} text is {@code message} (the JDK reports a failed {@code
   * mmap(2)} by that text alone, e.g. {@code "No such device"}), or -1.
   */
  public static int fromText(String message) {
    for (int errno = 1; errno <= 28; errno++) {
      if (text(errno).equals(message)) {
        return errno;
      }
    }
    return -1;
  }

  private static String text(int errno) {
    return switch (errno) {
      case 1 -> "Operation not permitted";
      case 5 -> "Input/output error";
      case EBADF -> "Bad file descriptor";
      case 11 -> "Resource temporarily unavailable";
      case ENOMEM -> "Cannot allocate memory";
      case EACCES -> "Permission denied";
      case EFAULT -> "Bad address";
      case 19 -> "No such device";
      case EINVAL -> "Invalid argument";
      case EFBIG -> "File too large";
      case 28 -> "No space left on device";
      default -> "Unknown error " + errno;
    };
  }
}
