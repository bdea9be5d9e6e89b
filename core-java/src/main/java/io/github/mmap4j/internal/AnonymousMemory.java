package io.github.mmap4j.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Zero-filled memory with no file behind it, made lazily as CPython's {@code mmap.mmap(-1, n)}
 * makes it: pages take memory only once touched.
 *
 * <ol>
 *   <li>With native access: {@code mmap(2)} with {@code MAP_ANONYMOUS}, shared (as CPython's
 *       default) or private (its ACCESS_COPY), released with {@code munmap(2)}.
 *   <li>Without: an unlinked, sparse file on the tmpfs {@code /dev/shm}, mapped with {@code
 *       FileChannel.map} into a shared {@code Arena} (what the JDK offers that is lazy; tmpfs keeps
 *       it off the disk).
 *   <li>Where {@code /dev/shm} is missing or too small for the request: {@code Arena.allocate},
 *       which zero-fills, and so touches, all of it at once.
 * </ol>
 */
final class AnonymousMemory {
  private static final Path SHM = Path.of("/dev/shm");

  private AnonymousMemory() {}

  /**
   * {@code length > 0} bytes of zeros, read-only unless {@code writable}, shared unless {@code
   * copyOnWrite}.
   *
   * @throws IOException {@code [Errno 12] Cannot allocate memory} when the OS refuses
   */
  static Mapping allocate(long length, boolean writable, boolean copyOnWrite, long pageSize)
      throws IOException {
    if (NativeOs.available()) {
      MemorySegment segment = NativeOs.mapAnonymous(length, writable, !copyOnWrite);
      long address = segment.address();
      return new Mapping(
          () -> NativeOs.unmap(address, length),
          writable ? segment : segment.asReadOnly(),
          length,
          true,
          null);
    }
    if (fitsInShm(length)) {
      return onShm(length, writable, copyOnWrite);
    }
    return onHeapArena(length, writable, pageSize);
  }

  private static boolean fitsInShm(long length) {
    try {
      return Files.isDirectory(SHM)
          && Files.isWritable(SHM)
          && Files.getFileStore(SHM).getUsableSpace() >= length;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static Mapping onShm(long length, boolean writable, boolean copyOnWrite)
      throws IOException {
    Path file = Files.createTempFile(SHM, "mmap4j-anonymous-", ".bin");
    Arena arena = Arena.ofShared();
    RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
    try {
      Files.delete(file); // the mapping keeps the memory; nothing is left behind on a crash
      raf.setLength(length); // sparse: no page exists until touched
      FileChannel.MapMode mode =
          !writable
              ? FileChannel.MapMode.READ_ONLY
              : copyOnWrite ? FileChannel.MapMode.PRIVATE : FileChannel.MapMode.READ_WRITE;
      FileChannel channel = raf.getChannel();
      MemorySegment segment = channel.map(mode, 0, length, arena);
      Runnable release =
          () -> {
            arena.close();
            closeQuietly(raf);
          };
      // The channel stays open so that views can map the same pages again (shared maps only).
      Mapping.Remap remap =
          copyOnWrite
              ? null
              : (from, count, viewArena) -> channel.map(mode, from, count, viewArena);
      return new Mapping(release, segment, length, false, remap);
    } catch (IOException e) {
      arena.close();
      closeQuietly(raf);
      Files.deleteIfExists(file);
      // FileChannel.map reports ENOMEM from mmap(2) as "Map failed" (an OutOfMemoryError cause).
      throw e.getCause() instanceof OutOfMemoryError ? Errors.os(Errno.ENOMEM) : e;
    } catch (RuntimeException e) {
      arena.close();
      closeQuietly(raf);
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private static void closeQuietly(RandomAccessFile raf) {
    try {
      raf.close();
    } catch (IOException e) {
      // Only memory was behind it, and the memory is released with the arena.
    }
  }

  private static Mapping onHeapArena(long length, boolean writable, long pageSize)
      throws IOException {
    Arena arena = Arena.ofShared();
    try {
      MemorySegment segment = arena.allocate(length, pageSize);
      return new Mapping(
          arena::close, writable ? segment : segment.asReadOnly(), length, false, null);
    } catch (OutOfMemoryError | IllegalArgumentException e) {
      arena.close();
      throw Errors.os(Errno.ENOMEM);
    }
  }
}
