/**
 * CPython's {@code mmap} module on the JVM.
 *
 * <ul>
 *   <li>{@link io.github.mmap4j.Mmap}: a memory-mapped file or anonymous memory with {@code
 *       mmap.mmap}'s methods, bounds rules and error messages.
 *   <li>{@link io.github.mmap4j.Access}, {@link io.github.mmap4j.Whence}, {@link
 *       io.github.mmap4j.Madvise}: CPython's {@code ACCESS_*}, {@code SEEK_*} and {@code MADV_*}
 *       constants.
 *   <li>{@link io.github.mmap4j.MmapTruncatedException}: what an operation throws where CPython
 *       dies of {@code SIGBUS} (the file shrank under the map).
 * </ul>
 *
 * <p>The package {@code io.github.mmap4j.internal} is not exported: mapping and release ({@code
 * Mapping}, {@code FileMaps}, {@code NativeOs}), safe concurrent close ({@code Quiescence}), fault
 * delivery ({@code FaultBarrier}), search ({@code ByteSearch}), Python slices ({@code PythonSlice})
 * and the messages ({@code Errors}).
 */
package io.github.mmap4j;
