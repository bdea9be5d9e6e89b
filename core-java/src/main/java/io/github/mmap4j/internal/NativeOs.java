package io.github.mmap4j.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The optional libc calls: {@code sysconf}, {@code madvise}, and the {@code open}/{@code
 * mmap}/{@code munmap} that a private map of a read-only file needs. They are restricted FFM
 * methods, so they are used only when the JVM enabled native access for this module ({@code
 * --enable-native-access=io.github.mmap4j}, or {@code ALL-UNNAMED} on the class path); otherwise
 * {@link #available()} is false and callers fall back to what the JDK offers, printing nothing.
 */
public final class NativeOs {
  private static final int SC_PAGESIZE = 30;
  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 0x80000;
  private static final int PROT_READ = 1;
  private static final int PROT_WRITE = 2;
  private static final int MAP_PRIVATE = 2;

  private static final boolean AVAILABLE =
      NativeOs.class.getModule().isNativeAccessEnabled() && "Linux".equals(osName());

  private NativeOs() {}

  /** Whether native calls are allowed and supported here. */
  public static boolean available() {
    return AVAILABLE;
  }

  private static String osName() {
    return System.getProperty("os.name", "");
  }

  /** {@code sysconf(_SC_PAGESIZE)}, or -1 if it failed. */
  public static long pageSize() {
    try {
      return (long) Calls.SYSCONF.invokeExact(SC_PAGESIZE);
    } catch (Throwable t) {
      return -1;
    }
  }

  /** {@code madvise(address, length, advice)}: returns 0 or the errno. */
  public static int madvise(MemorySegment address, long length, int advice) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Calls.STATE);
      int rc = (int) Calls.MADVISE.invokeExact(state, address, length, advice);
      return rc == 0 ? 0 : (int) Calls.ERRNO.get(state, 0L);
    } catch (Throwable t) {
      throw new IllegalStateException("madvise downcall failed", t);
    }
  }

  /**
   * Maps {@code length} bytes of {@code path} from {@code offset} as a private, writable
   * (copy-on-write) map that {@code arena} unmaps when it closes.
   *
   * @return the segment, or a negative errno
   */
  public static Object mapPrivate(String path, long offset, long length, Arena arena) {
    try (Arena temp = Arena.ofConfined()) {
      MemorySegment state = temp.allocate(Calls.STATE);
      MemorySegment cPath = temp.allocateFrom(path);
      int fd = (int) Calls.OPEN.invokeExact(state, cPath, O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        return -(int) Calls.ERRNO.get(state, 0L);
      }
      MemorySegment address;
      int errno = 0;
      try {
        address =
            (MemorySegment)
                Calls.MMAP.invokeExact(
                    state,
                    MemorySegment.NULL,
                    length,
                    PROT_READ | PROT_WRITE,
                    MAP_PRIVATE,
                    fd,
                    offset);
        if (address.address() == -1L) {
          errno = (int) Calls.ERRNO.get(state, 0L);
        }
      } finally {
        int ignored = (int) Calls.CLOSE.invokeExact(fd);
      }
      if (errno != 0) {
        return -errno;
      }
      long base = address.address();
      return MemorySegment.ofAddress(base).reinterpret(length, arena, s -> unmap(base, length));
    } catch (Throwable t) {
      throw new IllegalStateException("mmap downcall failed", t);
    }
  }

  private static void unmap(long address, long length) {
    try {
      int ignored = (int) Calls.MUNMAP.invokeExact(MemorySegment.ofAddress(address), length);
    } catch (Throwable t) {
      throw new IllegalStateException("munmap downcall failed", t);
    }
  }

  /** The downcall handles, created on first use only (creating them is a restricted call). */
  private static final class Calls {
    static final Linker LINKER = Linker.nativeLinker();
    static final StructLayout STATE = Linker.Option.captureStateLayout();
    static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    static final MethodHandle SYSCONF =
        handle("sysconf", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    static final MethodHandle MADVISE =
        handle(
            "madvise",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_INT),
            ERRNO_OPTION);
    static final MethodHandle OPEN =
        handle(
            "open",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            ERRNO_OPTION);
    static final MethodHandle CLOSE =
        handle("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle MMAP =
        handle(
            "mmap",
            FunctionDescriptor.of(
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG),
            ERRNO_OPTION);
    static final MethodHandle MUNMAP =
        handle(
            "munmap",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));

    private static MethodHandle handle(
        String name, FunctionDescriptor descriptor, Linker.Option... options) {
      MemorySegment symbol =
          LINKER
              .defaultLookup()
              .find(name)
              .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
      return LINKER.downcallHandle(symbol, descriptor, options);
    }
  }
}
