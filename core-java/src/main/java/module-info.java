/** CPython's {@code mmap} module on the JVM: see {@link io.github.mmap4j.Mmap}. */
module io.github.mmap4j {
  exports io.github.mmap4j;

  // Optional: the Vector API search kernel runs only when the user adds the module at run time
  // (--add-modules jdk.incubator.vector); see docs/search.md.
  requires static jdk.incubator.vector;
}
