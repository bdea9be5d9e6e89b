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
  private static final int O_RDWR = 2;
  private static final int O_CLOEXEC = 0x80000;
  private static final int PROT_READ = 1;
  private static final int PROT_WRITE = 2;
  private static final int MAP_SHARED = 1;
  private static final int MS_SYNC = 4;
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
   * Maps {@code length} bytes of {@code path} from {@code offset} with {@code mmap(2)}. The segment
   * belongs to no arena: the caller unmaps it with {@link #unmap} once nothing uses it.
   *
   * @param openForWriting open the file O_RDWR (needed for shared writable maps) or O_RDONLY
   * @param writable PROT_READ|PROT_WRITE or PROT_READ
   * @param shared MAP_SHARED or MAP_PRIVATE (copy-on-write)
   * @return the segment, or the errno as an {@link Integer}
   */
  public static Object mapFile(
      String path,
      boolean openForWriting,
      boolean writable,
      boolean shared,
      long offset,
      long length) {
    try (Arena temp = Arena.ofConfined()) {
      MemorySegment state = temp.allocate(Calls.STATE);
      MemorySegment cPath = temp.allocateFrom(path);
      int fd =
          (int)
              Calls.OPEN.invokeExact(
                  state, cPath, (openForWriting ? O_RDWR : O_RDONLY) | O_CLOEXEC);
      if (fd < 0) {
        return (int) Calls.ERRNO.get(state, 0L);
      }
      MemorySegment address;
      try {
        int prot = writable ? PROT_READ | PROT_WRITE : PROT_READ;
        int flags = shared ? MAP_SHARED : MAP_PRIVATE;
        address =
            (MemorySegment)
                Calls.MMAP.invokeExact(state, MemorySegment.NULL, length, prot, flags, fd, offset);
        if (address.address() == -1L) {
          return (int) Calls.ERRNO.get(state, 0L);
        }
      } finally {
        int ignored = (int) Calls.CLOSE.invokeExact(fd); // the mapping keeps the file open
      }
      return unscoped(address.address(), length);
    } catch (Throwable t) {
      throw new IllegalStateException("mmap downcall failed", t);
    }
  }

  /**
   * {@code length} bytes at {@code address} as a segment of no arena: always alive as far as the
   * JDK is concerned, so the caller must know when the memory goes away (restricted method).
   */
  public static MemorySegment unscoped(long address, long length) {
    return MemorySegment.ofAddress(address).reinterpret(length);
  }

  /** {@code msync(address, length, MS_SYNC)}: returns 0 or the errno. */
  public static int msync(MemorySegment address, long length) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Calls.STATE);
      int rc = (int) Calls.MSYNC.invokeExact(state, address, length, MS_SYNC);
      return rc == 0 ? 0 : (int) Calls.ERRNO.get(state, 0L);
    } catch (Throwable t) {
      throw new IllegalStateException("msync downcall failed", t);
    }
  }

  /** {@code munmap(2)}. */
  public static void unmap(long address, long length) {
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
    static final MethodHandle MSYNC =
        handle(
            "msync",
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
