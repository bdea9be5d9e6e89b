/**
 * The views beyond CPython: {@code Mmap.inputStream()}, {@code outputStream()} and {@code
 * channel()}, tested with the JDK code that consumes streams and channels ({@code Properties},
 * {@code ZipInputStream}, {@code Files.copy}, {@code BufferedReader}, {@code Channels}) and against
 * the interfaces' contracts, and residency ({@code isLoaded}, {@code residentBytes}, {@code load})
 * with native access. {@code io.github.mmap4j.safety.ViewsWithoutNativeAccessTest} runs the same
 * calls in a JVM without native access.
 */
package io.github.mmap4j.views;
