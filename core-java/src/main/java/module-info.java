/** CPython's {@code mmap} module on the JVM: see {@link io.github.mmap4j.Mmap}. */
module io.github.mmap4j {
  exports io.github.mmap4j;
}
