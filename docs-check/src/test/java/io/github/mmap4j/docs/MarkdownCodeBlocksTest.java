package io.github.mmap4j.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownCodeBlocksTest {
  private static CodeBlock only(String markdown) {
    List<CodeBlock> blocks = MarkdownCodeBlocks.parse("X.md", markdown);
    assertEquals(1, blocks.size(), () -> blocks.toString());
    return blocks.getFirst();
  }

  @Test
  void plainFenceIsRunWithItsLanguageAndLine() {
    CodeBlock block = only("# Title\n\n```java\nint x = 1;\n```\n");
    assertEquals("X.md:3", block.where());
    assertEquals("java", block.language());
    assertEquals("int x = 1;", block.code());
    assertEquals(CodeBlock.Mode.RUN, block.mode());
    assertNull(block.expectedOutput());
  }

  @Test
  void languageIsTheFirstWordOfTheInfoString() {
    assertEquals("kotlin", only("```Kotlin title=\"x.kt\"\nval a = 1\n```\n").language());
  }

  @Test
  void skipDirectiveAboveTheFenceCarriesItsReason() {
    CodeBlock block =
        only("<!-- snippet: skip, a Gradle build script -->\n```kotlin\nrepositories {}\n```\n");
    assertEquals(CodeBlock.Mode.SKIP, block.mode());
    assertEquals("a Gradle build script", block.reason());
  }

  @Test
  void compileOnlyDirective() {
    CodeBlock block =
        only("<!-- snippet: compile-only, reads /proc -->\n```java\nint x = 1;\n```\n");
    assertEquals(CodeBlock.Mode.COMPILE_ONLY, block.mode());
  }

  @Test
  void directiveWithoutReasonIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MarkdownCodeBlocks.parse("X.md", "<!-- snippet: skip -->\n```java\n```\n"));
    assertTrue(e.getMessage().startsWith("X.md:2: "), e.getMessage());
  }

  @Test
  void unknownDirectiveIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MarkdownCodeBlocks.parse("X.md", "<!-- snippet: skp, why -->\n```java\n```\n"));
    assertTrue(e.getMessage().contains("unknown snippet directive `skp`"), e.getMessage());
  }

  @Test
  void outputCommentAfterTheFenceIsTheExpectedOutput() {
    CodeBlock block =
        only("```java\nIO.println(1);\n```\n\n<!-- snippet output:\n1\ntwo\n-->\nmore text\n");
    assertEquals("1\ntwo", block.expectedOutput());
  }

  @Test
  void unclosedOutputCommentIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MarkdownCodeBlocks.parse("X.md", "```java\n```\n<!-- snippet output:\n1\n"));
  }

  @Test
  void longerFenceHoldsShorterOnesAndTildesWork() {
    List<CodeBlock> blocks =
        MarkdownCodeBlocks.parse("X.md", "````md\n```java\nx\n```\n````\n~~~kotlin\ny\n~~~\n");
    assertEquals(2, blocks.size());
    assertEquals("```java\nx\n```", blocks.get(0).code());
    assertEquals("kotlin", blocks.get(1).language());
    assertEquals("y", blocks.get(1).code());
  }

  @Test
  void indentedFenceLosesItsIndentation() {
    assertEquals("a\n b", only("  ```java\n  a\n   b\n  ```\n").code());
  }

  @Test
  void inlineTripleBackticksAreNoFence() {
    assertEquals(0, MarkdownCodeBlocks.parse("X.md", "Use ```code``` inline.\n").size());
  }
}
