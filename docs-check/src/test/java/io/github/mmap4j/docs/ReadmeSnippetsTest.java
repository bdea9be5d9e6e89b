package io.github.mmap4j.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} and {@code kotlin} code block of the project's Markdown files compiles
 * (warnings are errors) against mmap4j-core, mmap4j-kotlin and Kotlin's standard library only, and
 * runs: it exits with 0, prints nothing on standard error, and prints exactly its {@code <!--
 * snippet output: … -->} if it has one. One dynamic test per block, named by file and line.
 * README.md's "Building" section describes the conventions ({@link MarkdownCodeBlocks}, {@link
 * SnippetProgram}).
 */
class ReadmeSnippetsTest {
  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> everyJavaAndKotlinBlockCompilesAndRuns() throws IOException {
    List<CodeBlock> blocks =
        MarkdownFiles.codeBlocks(MarkdownFiles.root()).stream()
            .filter(b -> b.isJava() || b.isKotlin())
            .filter(b -> b.mode() != CodeBlock.Mode.SKIP)
            .toList();
    // The check must never pass vacuously: the README's quick starts are runnable Java and Kotlin.
    assertTrue(
        blocks.stream().anyMatch(b -> b.isJava() && b.where().startsWith("README.md:")),
        "README.md has no checked java block: " + blocks);
    assertTrue(
        blocks.stream().anyMatch(b -> b.isKotlin() && b.where().startsWith("README.md:")),
        "README.md has no checked kotlin block: " + blocks);

    String classpath = SnippetClasspath.join(SnippetClasspath.entries());
    SnippetCompiler compiler =
        new SnippetCompiler(classpath, System.getProperty("mmap4j.docs.release", "25"));
    SnippetRunner runner = new SnippetRunner(javaLauncher(), classpath);
    return blocks.stream()
        .map(block ->
            dynamicTest(
                block.where() + " (" + block.language() + ")",
                () -> check(block, compiler, runner)));
  }

  private void check(CodeBlock block, SnippetCompiler compiler, SnippetRunner runner)
      throws Exception {
    SnippetProgram program =
        block.isKotlin() ? SnippetProgram.kotlin(block.code()) : SnippetProgram.java(block.code());
    Path dir = Files.createDirectories(work.resolve(block.where().replaceAll("[^\\w.-]", "_")));
    Path classes = dir.resolve("classes");
    String messages = compiler.compile(program, block.isKotlin(), dir, classes);
    assertNull(messages, () -> block.where() + " does not compile cleanly:\n" + program.source());
    if (block.mode() == CodeBlock.Mode.COMPILE_ONLY) {
      return;
    }
    Path workDir = Files.createDirectories(dir.resolve("run"));
    SnippetRunner.Result result = runner.run(classes, program.mainClass(), workDir);
    String context = block.where() + " printed\n" + result.stdout() + result.stderr();
    assertEquals(0, result.exitCode(), context);
    assertEquals("", result.stderr(), context);
    if (block.expectedOutput() != null) {
      assertEquals(normalized(block.expectedOutput()), normalized(result.stdout()), context);
    }
  }

  /** Lines without trailing blanks, no trailing empty lines: the README's layout is not checked. */
  private static String normalized(String text) {
    String joined = String.join("\n", text.lines().map(String::stripTrailing).toList());
    return joined.replaceAll("^\n+|\n+$", "");
  }

  private static Path javaLauncher() {
    String configured = System.getProperty("mmap4j.docs.java", "");
    return configured.isEmpty()
        ? Path.of(System.getProperty("java.home"), "bin", "java")
        : Path.of(configured);
  }
}
