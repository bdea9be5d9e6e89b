package io.github.mmap4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When the address space runs out, mapping fails with a clear {@code IOException} ({@code
 * UncheckedIOException} from {@code Mmap.anonymous}) whose message starts with CPython's {@code
 * [Errno 12] Cannot allocate memory} — never an {@code OutOfMemoryError}, a hang or a crash — and
 * after closing the maps, mapping works again and as much as before.
 *
 * <p>{@link AddressSpaceProbe} runs in a JVM limited with {@code ulimit -v} to its own size plus 2
 * GiB, once with native access and once without; 512 MiB maps of a 64 GiB sparse file, or anonymous
 * ones (lazy: they take address space, not memory), fill the rest. Sharpness: every check reads
 * what the probe observed; a probe that never hit the limit reports no refusal and fails {@code
 * refusalIsErrno12}; a map not given back on close leaves one map less to make the second time.
 */
class AddressSpaceExhaustionTest {
  private static final long HEADROOM_KIB = 4L * 512 * 1024; // 2 GiB: about three 512 MiB maps
  private static final String ERRNO_12 = "[Errno 12] Cannot allocate memory";
  // The interpreter only: a JIT compiler thread that cannot malloc while the probe holds all the
  // address space aborts the JVM ("insufficient memory … Chunk::new"), which says nothing about
  // mmap4j.
  private static final List<String> SMALL_JVM =
      List.of(
          "-Xint",
          "-Xms64m",
          "-Xmx64m",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:MaxMetaspaceSize=64m",
          "-XX:CompressedClassSpaceSize=32m",
          "-Xss512k",
          "-XX:+UseSerialGC");
  private static final Map<Boolean, Object> OUTCOMES = new HashMap<>(); // outcomes or an error
  private static Path scratch;
  private static long limitKib;

  @RegisterExtension static final Figures FIGURES = new Figures("address-space exhaustion");

  /** One kind's line of the probe's output. */
  record Outcome(
      String kind,
      int made,
      String refusalClass,
      String refusalMessage,
      String causeClass,
      String afterClose,
      int madeAgain,
      long mappingsLeft) {
    static Outcome parse(String line) {
      String[] f = line.split("\t");
      return new Outcome(
          f[1],
          Integer.parseInt(f[2]),
          f[3],
          f[4],
          f[5],
          f[6],
          Integer.parseInt(f[7]),
          Long.parseLong(f[8]));
    }
  }

  static Stream<Arguments> kindsWithAndWithoutNativeAccess() {
    return Stream.of(true, false)
        .flatMap(nativeAccess ->
            Stream.of(AddressSpaceProbe.KINDS).map(kind -> Arguments.of(kind, nativeAccess)));
  }

  @ParameterizedTest(name = "{0}, native access {1}")
  @MethodSource("kindsWithAndWithoutNativeAccess")
  void refusalIsErrno12(String kind, boolean nativeAccess) throws Exception {
    for (Outcome outcome : outcomes(kind, nativeAccess)) {
      boolean anonymous = kind.startsWith("anonymous");
      String expectedClass = (anonymous ? UncheckedIOException.class : IOException.class).getName();
      String seen =
          "expected "
              + expectedClass
              + ": "
              + ERRNO_12
              + ", the refusal was "
              + outcome.refusalClass()
              + ": "
              + outcome.refusalMessage()
              + " (cause "
              + outcome.causeClass()
              + ")";
      assertEquals(expectedClass, outcome.refusalClass(), seen);
      assertTrue(outcome.refusalMessage().startsWith(ERRNO_12), seen);
      if (anonymous) {
        assertEquals(IOException.class.getName(), outcome.causeClass(), seen);
      }
      if (!kind.equals("anonymous-huge")) { // 1 TiB: refused at once
        assertTrue(outcome.made() >= 1, () -> "the limit left no room for one map: " + outcome);
      }
    }
  }

  @ParameterizedTest(name = "{0}, native access {1}")
  @MethodSource("kindsWithAndWithoutNativeAccess")
  void mappingWorksAgainAfterClosing(String kind, boolean nativeAccess) throws Exception {
    for (Outcome outcome : outcomes(kind, nativeAccess)) {
      assertEquals("ok", outcome.afterClose(), outcome.toString());
    }
  }

  @ParameterizedTest(name = "{0}, native access {1}")
  @MethodSource("kindsWithAndWithoutNativeAccess")
  void closingGivesTheAddressSpaceBack(String kind, boolean nativeAccess) throws Exception {
    for (Outcome outcome : outcomes(kind, nativeAccess)) {
      assertEquals(0, outcome.mappingsLeft(), () -> "mappings of the file left: " + outcome);
      if (!kind.equals("resize")) {
        assertTrue(
            outcome.madeAgain() >= outcome.made(), () -> "fewer maps the second time: " + outcome);
      }
    }
  }

  @AfterAll
  static void deleteScratch() throws IOException {
    if (scratch != null) {
      try (Stream<Path> files = Files.list(scratch)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(scratch);
    }
  }

  private static synchronized List<Outcome> outcomes(String kind, boolean nativeAccess)
      throws Exception {
    if (!OUTCOMES.containsKey(nativeAccess)) {
      try {
        OUTCOMES.put(nativeAccess, runProbes(nativeAccess));
      } catch (Exception | AssertionError e) {
        OUTCOMES.put(nativeAccess, e); // every test of this probe reports it; none reruns it
      }
    }
    if (OUTCOMES.get(nativeAccess) instanceof Throwable failure) {
      throw new AssertionError("the probe failed", failure);
    }
    @SuppressWarnings("unchecked")
    List<Outcome> all = (List<Outcome>) OUTCOMES.get(nativeAccess);
    List<Outcome> found = all.stream().filter(o -> o.kind().equals(kind)).toList();
    assertTrue(!found.isEmpty(), "the probe printed nothing for " + kind);
    return found;
  }

  /** One probe in the default run; in a long run, probes until this half of the share is used. */
  private static List<Outcome> runProbes(boolean nativeAccess) throws Exception {
    if (scratch == null) {
      scratch = Files.createTempDirectory("mmap4j-exhaustion");
      limitKib = measureSizeKib() + HEADROOM_KIB;
    }
    List<Outcome> outcomes = new ArrayList<>();
    Soak.Rounds rounds = Soak.rounds(Soak.EXHAUSTION / 2, 1);
    while (rounds.another()) {
      try (ChildJvm probe =
          ChildJvm.start(
              AddressSpaceProbe.class,
              nativeAccess,
              jvmOptions(),
              limitKib,
              "exhaust",
              scratch.toString())) {
        for (int i = 0; i < AddressSpaceProbe.KINDS.length; i++) {
          Outcome outcome = Outcome.parse(probe.awaitLine("result\t", Duration.ofSeconds(60)));
          outcomes.add(outcome);
          FIGURES.operations(outcome.made() + Math.max(outcome.madeAgain(), 0));
          FIGURES.faults(outcome.madeAgain() < 0 ? 1 : 2); // each fill ends in a refusal
        }
        probe.assertExitsCleanly(Duration.ofSeconds(60));
      }
    }
    return outcomes;
  }

  private static List<String> jvmOptions() {
    List<String> options = new ArrayList<>(SMALL_JVM);
    options.add("-XX:ErrorFile=" + scratch.resolve("hs_err_pid%p.log")); // not in the module
    return options;
  }

  /** The probe JVM's address space after start-up, unlimited. */
  private static long measureSizeKib() throws Exception {
    try (ChildJvm probe =
        ChildJvm.start(
            AddressSpaceProbe.class, true, jvmOptions(), 0, "measure", scratch.toString())) {
      String line = probe.awaitLine("vmsize-kib ", Duration.ofSeconds(60));
      probe.assertExitsCleanly(Duration.ofSeconds(60));
      return Long.parseLong(line.substring("vmsize-kib ".length()));
    }
  }
}
