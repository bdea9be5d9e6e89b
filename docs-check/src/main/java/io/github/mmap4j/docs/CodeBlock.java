package io.github.mmap4j.docs;

/**
 * One fenced code block of a Markdown file, with the snippet directives written around it.
 *
 * @param where the file and line of the opening fence, e.g. {@code README.md:27}
 * @param language the first word of the fence's info string, lower case ({@code ""} if none)
 * @param code the lines between the fences
 * @param mode what the checks do with the block ({@code <!-- snippet: … -->} above the fence)
 * @param reason why a block is not run, as its directive says; {@code ""} for {@link Mode#RUN}
 * @param expectedOutput what the block must print ({@code <!-- snippet output: … -->} below the
 *     fence), or {@code null} if the block does not say
 */
record CodeBlock(
    String where, String language, String code, Mode mode, String reason, String expectedOutput) {

  /** What the checks do with a block. */
  enum Mode {
    /** Compiled and run as a program (the default). */
    RUN,
    /** Compiled only: {@code <!-- snippet: compile-only, why -->}. */
    COMPILE_ONLY,
    /** Neither: {@code <!-- snippet: skip, why -->}, e.g. a Gradle build script. */
    SKIP
  }

  boolean isJava() {
    return language.equals("java");
  }

  boolean isKotlin() {
    return language.equals("kotlin") || language.equals("kt");
  }
}
