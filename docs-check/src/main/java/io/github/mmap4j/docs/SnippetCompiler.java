package io.github.mmap4j.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jetbrains.kotlin.cli.common.ExitCode;
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler;

/**
 * Compiles a {@link SnippetProgram} with javac or kotlinc, in this JVM, as strictly as the
 * project's own code: every warning is an error, so the README never shows code that warns.
 */
final class SnippetCompiler {
  private final String classpath;
  private final String release;

  /**
   * A compiler for programs that see {@code classpath}.
   *
   * @param classpath what the programs may use
   * @param release the Java release to compile for (javac's {@code --release}, kotlinc's JVM
   *     target)
   */
  SnippetCompiler(String classpath, String release) {
    this.classpath = classpath;
    this.release = release;
  }

  /**
   * Compiles {@code program} into {@code classes}.
   *
   * @param program the source file
   * @param kotlin whether the program is Kotlin (else Java)
   * @param sources where to write the source file
   * @param classes where the class files go
   * @return the compiler's messages, or {@code null} when it succeeded without any
   * @throws IOException if the source file cannot be written
   */
  String compile(SnippetProgram program, boolean kotlin, Path sources, Path classes)
      throws IOException {
    Path file = Files.writeString(sources.resolve(program.fileName()), program.source());
    Files.createDirectories(classes);
    return kotlin ? kotlinc(file, classes) : javac(file, classes);
  }

  private String javac(Path file, Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    List<String> options =
        List.of(
            "--release",
            release,
            "-Xlint:all",
            "-Werror",
            "-cp",
            classpath,
            "-d",
            classes.toString());
    boolean ok =
        javac
            .getTask(
                messages,
                null,
                null,
                options,
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(file))
            .call();
    return ok && messages.toString().isBlank() ? null : messages.toString();
  }

  private String kotlinc(Path file, Path classes) {
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    ExitCode code =
        new K2JVMCompiler()
            .exec(
                new PrintStream(messages, true, StandardCharsets.UTF_8),
                "-classpath",
                classpath,
                "-d",
                classes.toString(),
                "-jvm-target",
                release,
                "-no-stdlib",
                "-no-reflect",
                "-Werror",
                file.toString());
    String text = messages.toString(StandardCharsets.UTF_8);
    return code == ExitCode.OK && text.isBlank() ? null : code + "\n" + text;
  }
}
