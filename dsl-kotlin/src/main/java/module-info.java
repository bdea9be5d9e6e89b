/**
 * Kotlin operators and {@code mmap { }} blocks over {@link io.github.mmap4j.Mmap}. Requiring this
 * module also gives its readers mmap4j-core and Kotlin's standard library.
 */
module io.github.mmap4j.kotlin {
  requires transitive io.github.mmap4j;
  requires transitive kotlin.stdlib;

  exports io.github.mmap4j.kotlin;
}
