package io.github.mmap4j.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OS page size. With native access it is {@code sysconf(_SC_PAGESIZE)} (what CPython's {@code
 * mmap.PAGESIZE} is); without it, the kernel's {@code AT_PAGESZ} entry of {@code /proc/self/auxv},
 * which needs no native code.
 */
public final class PageSize {
  private static final long AT_NULL = 0;
  private static final long AT_PAGESZ = 6;

  private PageSize() {}

  public static int detect() {
    if (NativeOs.available()) {
      long size = NativeOs.pageSize();
      if (size > 0) {
        return (int) size;
      }
    }
    long fromAuxv = fromAuxiliaryVector(Path.of("/proc/self/auxv"));
    if (fromAuxv > 0) {
      return (int) fromAuxv;
    }
    throw new ExceptionInInitializerError(
        "mmap4j cannot determine the page size: no native access and no /proc/self/auxv");
  }

  /** Reads {@code AT_PAGESZ} from an auxiliary vector file of 64-bit (type, value) pairs. */
  static long fromAuxiliaryVector(Path auxv) {
    try {
      ByteBuffer words = ByteBuffer.wrap(Files.readAllBytes(auxv)).order(ByteOrder.nativeOrder());
      while (words.remaining() >= 16) {
        long type = words.getLong();
        long value = words.getLong();
        if (type == AT_PAGESZ) {
          return value;
        }
        if (type == AT_NULL) {
          break;
        }
      }
    } catch (IOException | SecurityException e) {
      return -1;
    }
    return -1;
  }
}
