package io.github.mmap4j.internal;

import java.io.IOException;
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
 * The optional libc calls: {@code sysconf}, {@code madvise}, {@code msync}, and {@code open}/{@code
 * mmap}/{@code munmap} for maps that need no shared {@code Arena} (see {@link FileMaps}). They are
 * restricted FFM methods, so they are used only when the JVM enabled native access for this module
 * ({@code --enable-native-access=io.github.mmap4j}, or {@code ALL-UNNAMED} on the class path);
 * otherwise {@link #available()} is false and callers fall back to what the JDK offers, printing
 * nothing.
 */
final class NativeOs {
  private static final int SC_PAGESIZE = 30;
  private static final int O_RDONLY = 0;
  private static final int O_RDWR = 2;
  private static final int O_CLOEXEC = 0x80000;
  private static final int PROT_READ = 1;
  private static final int PROT_WRITE = 2;
  private static final int MAP_SHARED = 1;
  private static final int MS_SYNC = 4;
  private static final int MAP_PRIVATE = 2;
  private static final int MAP_ANONYMOUS = 0x20;

  private static final boolean AVAILABLE =
      NativeOs.class.getModule().isNativeAccessEnabled() && "Linux".equals(osName());

  private NativeOs() {}

  /** Whether native calls are allowed and supported here. */
  static boolean available() {
    return AVAILABLE;
  }

  private static String osName() {
    return System.getProperty("os.name", "");
  }

  /** {@code sysconf(_SC_PAGESIZE)}, or -1 if it failed. */
  static long pageSize() {
    try {
      return (long) Calls.SYSCONF.invokeExact(SC_PAGESIZE);
    } catch (Throwable t) {
      return -1;
    }
  }

  /** {@code madvise(address, length, advice)}. */
  static void madvise(MemorySegment address, long length, int advice) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Calls.STATE);
      int rc = (int) Calls.MADVISE.invokeExact(state, address, length, advice);
      check(rc == 0, state);
    } catch (IOException e) {
      throw e;
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
   * @throws IOException the errno of {@code open(2)} or {@code mmap(2)}, as CPython reports it
   */
  static MemorySegment mapFile(
      String path,
      boolean openForWriting,
      boolean writable,
      boolean shared,
      long offset,
      long length)
      throws IOException {
    try (Arena temp = Arena.ofConfined()) {
      MemorySegment state = temp.allocate(Calls.STATE);
      MemorySegment cPath = temp.allocateFrom(path);
      int fd =
          (int)
              Calls.OPEN.invokeExact(
                  state, cPath, (openForWriting ? O_RDWR : O_RDONLY) | O_CLOEXEC);
      check(fd >= 0, state);
      try {
        return map(state, length, writable, shared ? MAP_SHARED : MAP_PRIVATE, fd, offset);
      } finally {
        int ignored = (int) Calls.CLOSE.invokeExact(fd); // the mapping keeps the file open
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("mmap downcall failed", t);
    }
  }

  /**
   * Maps {@code length} bytes of zero-filled memory with {@code mmap(2)}: shared like CPython's
   * {@code mmap.mmap(-1, n)}, or private for its ACCESS_COPY. Pages take memory only once touched.
   *
   * @throws IOException the errno of {@code mmap(2)}, e.g. {@code [Errno 12] Cannot allocate
   *     memory}
   */
  static MemorySegment mapAnonymous(long length, boolean writable, boolean shared)
      throws IOException {
    try (Arena temp = Arena.ofConfined()) {
      MemorySegment state = temp.allocate(Calls.STATE);
      int flags = (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS;
      return map(state, length, writable, flags, -1, 0);
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("mmap downcall failed", t);
    }
  }

  private static MemorySegment map(
      MemorySegment state, long length, boolean writable, int flags, int fd, long offset)
      throws Throwable {
    int prot = writable ? PROT_READ | PROT_WRITE : PROT_READ;
    MemorySegment address =
        (MemorySegment)
            Calls.MMAP.invokeExact(state, MemorySegment.NULL, length, prot, flags, fd, offset);
    check(address.address() != -1L, state);
    return unscoped(address.address(), length);
  }

  /** Throws the captured errno as CPython's {@code OSError} unless the call succeeded. */
  private static void check(boolean succeeded, MemorySegment state) throws IOException {
    if (!succeeded) {
      int errno = (int) Calls.ERRNO.get(state, 0L);
      throw errno == Errno.EACCES ? Errors.permission() : Errors.os(errno);
    }
  }

  /**
   * {@code length} bytes at {@code address} as a segment of no arena: always alive as far as the
   * JDK is concerned, so the caller must know when the memory goes away (restricted method).
   */
  @SuppressWarnings("restricted") // only called where native access is enabled
  static MemorySegment unscoped(long address, long length) {
    return MemorySegment.ofAddress(address).reinterpret(length);
  }

  /** {@code msync(address, length, MS_SYNC)}. */
  static void msync(MemorySegment address, long length) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Calls.STATE);
      int rc = (int) Calls.MSYNC.invokeExact(state, address, length, MS_SYNC);
      check(rc == 0, state);
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("msync downcall failed", t);
    }
  }

  /** {@code munmap(2)}. */
  static void unmap(long address, long length) {
    try {
      int ignored = (int) Calls.MUNMAP.invokeExact(MemorySegment.ofAddress(address), length);
    } catch (Throwable t) {
      throw new IllegalStateException("munmap downcall failed", t);
    }
  }

  /**
   * {@code mincore(2)}: for each page of {@code length} bytes from the page-aligned {@code
   * address}, one byte of {@code vec} whose bit 0 says whether the page is resident. The kernel
   * reads page tables and the page cache, never the pages, so this cannot fault on a page the file
   * lost.
   *
   * @throws IOException the errno, e.g. {@code [Errno 12] Cannot allocate memory} for a range that
   *     is not mapped
   */
  static void mincore(MemorySegment address, long length, MemorySegment vec) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Calls.STATE);
      int rc = (int) Calls.MINCORE.invokeExact(state, address, length, vec);
      check(rc == 0, state);
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("mincore downcall failed", t);
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

    static final MethodHandle MINCORE =
        handle(
            "mincore",
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_LONG,
                ValueLayout.ADDRESS),
            ERRNO_OPTION);

    @SuppressWarnings("restricted") // only loaded where native access is enabled
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
