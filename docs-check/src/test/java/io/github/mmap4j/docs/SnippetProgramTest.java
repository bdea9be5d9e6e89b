package io.github.mmap4j.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetProgramTest {
  @Test
  void javaStatementsBecomeTheBodyOfAnInstanceMainAfterTheImports() {
    SnippetProgram program =
        SnippetProgram.java(
            "import java.nio.file.Path;\n\nvar p = Path.of(\"a\");\nIO.println(p);\n");
    assertEquals("Snippet.java", program.fileName());
    assertEquals("Snippet", program.mainClass());
    assertEquals(
        "import java.nio.file.Path;\n\nvoid main() throws Exception {\n"
            + "  var p = Path.of(\"a\");\n  IO.println(p);\n}\n",
        program.source());
  }

  @Test
  void javaClassStaysAsWrittenAndIsTheMainClass() {
    String code =
        "import java.util.List;\n\npublic final class Demo {\n  public static void main(String[] a) {}\n}\n";
    SnippetProgram program = SnippetProgram.java(code);
    assertEquals("Demo.java", program.fileName());
    assertEquals("Demo", program.mainClass());
    assertEquals(code, program.source());
  }

  @Test
  void javaCompactSourceFileStaysAsWritten() {
    String code = "void main() {\n  IO.println(1);\n}\n";
    SnippetProgram program = SnippetProgram.java(code);
    assertEquals("Snippet", program.mainClass());
    assertEquals(code, program.source());
  }

  @Test
  void kotlinWithMainStaysAsWritten() {
    String code = "import kotlin.io.path.Path\n\nfun main() {\n  println(Path(\"a\"))\n}\n";
    SnippetProgram program = SnippetProgram.kotlin(code);
    assertEquals("Snippet.kt", program.fileName());
    assertEquals("SnippetKt", program.mainClass());
    assertEquals(code, program.source());
  }

  @Test
  void kotlinStatementsBecomeTheBodyOfMainAndThePackageNamesTheClass() {
    SnippetProgram program =
        SnippetProgram.kotlin(
            "package demo\nimport kotlin.math.max\n// a comment\nprintln(max(1, 2))\n");
    assertEquals("demo.SnippetKt", program.mainClass());
    assertEquals(
        "package demo\nimport kotlin.math.max\nfun main() {\n  // a comment\n  println(max(1, 2))\n}\n",
        program.source());
  }
}
