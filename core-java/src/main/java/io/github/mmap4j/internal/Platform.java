package io.github.mmap4j.internal;

/** What the running JVM lets mmap4j do, for the public API to report. */
public final class Platform {
  private Platform() {}

  /** Whether the optional libc calls are allowed (native access enabled, Linux). */
  public static boolean nativeAccess() {
    return NativeOs.available();
  }
}
