package io.github.mmap4j.internal;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the {@link ScanKernel} once, when this class is initialised, and says so once on the
 * {@code io.github.mmap4j} {@link System.Logger}.
 *
 * <p>The Vector API kernel is chosen when all of these hold (the model is Lucene's {@code
 * VectorizationProvider}): the module {@code jdk.incubator.vector} is in the boot layer (the user
 * passed {@code --add-modules jdk.incubator.vector}); {@code -Dmmap4j.simd=false} is not set; the
 * VM is HotSpot with its C2 compiler on (C2 is what turns Vector API calls into vector
 * instructions; without it they are slow Java code); and the preferred vector size is at least 256
 * bits on x86-64 or 128 bits on AArch64. Otherwise the SWAR kernel runs.
 *
 * <p>Logging: one INFO line when the Vector API kernel is chosen or turned off by the flag, one
 * WARNING when the module is present but unusable (the user asked for it, so a silent fallback
 * would hide a mistake), and only a DEBUG line when the module is absent, the ordinary case.
 */
final class KernelChoice {
  static final String SIMD_PROPERTY = "mmap4j.simd";
  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String VECTOR_KERNEL = "io.github.mmap4j.internal.VectorKernel";
  private static final System.Logger LOG = System.getLogger("io.github.mmap4j");

  static final ScanKernel KERNEL = choose();

  private KernelChoice() {}

  private static ScanKernel choose() {
    Optional<Module> module = vectorModule();
    if (module.isEmpty()) {
      LOG.log(
          Level.DEBUG,
          "mmap4j search: SWAR kernel ({0} is not present; --add-modules {0} enables the Vector"
              + " API kernel)",
          VECTOR_MODULE);
      return SwarKernel.INSTANCE;
    }
    if ("false".equalsIgnoreCase(System.getProperty(SIMD_PROPERTY, "true").trim())) {
      LOG.log(Level.INFO, "mmap4j search: SWAR kernel (-D{0}=false)", SIMD_PROPERTY);
      return SwarKernel.INSTANCE;
    }
    String refusal = vmRefusal();
    ScanKernel vector = null;
    if (refusal == null) {
      try {
        KernelChoice.class.getModule().addReads(module.get());
        vector = loadVectorKernel();
        int needed = minimumBits();
        if (vector.width() < needed) {
          refusal =
              "the preferred vector size is "
                  + vector.width()
                  + " bits, the kernel needs "
                  + needed
                  + " on "
                  + System.getProperty("os.arch");
        }
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        refusal = "the Vector API kernel did not load: " + e;
      }
    }
    if (refusal != null) {
      LOG.log(Level.WARNING, "mmap4j search: SWAR kernel, not the Vector API one: {0}", refusal);
      return SwarKernel.INSTANCE;
    }
    LOG.log(Level.INFO, "mmap4j search: {0}", vector.description());
    return vector;
  }

  private static Optional<Module> vectorModule() {
    ModuleLayer layer = KernelChoice.class.getModule().getLayer();
    return (layer != null ? layer : ModuleLayer.boot()).findModule(VECTOR_MODULE);
  }

  /**
   * The Vector API kernel whatever the hardware and the flag (tests run it explicitly); requires
   * the module to be present.
   */
  static ScanKernel loadVectorKernel() throws ReflectiveOperationException {
    var lookup = MethodHandles.lookup();
    Class<?> type = lookup.findClass(VECTOR_KERNEL);
    try {
      return (ScanKernel) lookup.findConstructor(type, MethodType.methodType(void.class)).invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new ReflectiveOperationException(e);
    }
  }

  /** Whether the vector module is in the boot layer (tests assert per Surefire execution). */
  static boolean vectorModulePresent() {
    return vectorModule().isPresent();
  }

  private static int minimumBits() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return arch.equals("aarch64") ? 128 : 256;
  }

  /** Why this VM cannot run the Vector API kernel fast, or null if it can. */
  private static String vmRefusal() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!arch.equals("amd64") && !arch.equals("x86_64") && !arch.equals("aarch64")) {
      return "the kernel is tuned for x86-64 and AArch64 only, this is " + arch;
    }
    String vm = System.getProperty("java.vm.name", "");
    if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) {
      return "the VM is not HotSpot (" + vm + ")";
    }
    if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
      return "the JIT is off (-Xint)";
    }
    if ("false".equals(vmOption("UseCompiler"))) {
      return "the JIT is off (-XX:-UseCompiler)";
    }
    if ("true".equals(vmOption("UseJVMCICompiler"))) {
      return "the JIT is a JVMCI compiler, not C2";
    }
    String stopAt = vmOption("TieredStopAtLevel");
    if (!"false".equals(vmOption("TieredCompilation"))
        && stopAt != null
        && Integer.parseInt(stopAt) < 4) {
      return "C2 is off (-XX:TieredStopAtLevel=" + stopAt + ")";
    }
    return null;
  }

  /**
   * A HotSpot flag's value through {@code HotSpotDiagnosticMXBean}, or null when the management
   * modules are not there (reflection: the core requires only {@code java.base}).
   */
  private static String vmOption(String name) {
    try {
      Class<?> bean = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
      Object hotspot =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getPlatformMXBean", Class.class)
              .invoke(null, bean);
      Method getVmOption = bean.getMethod("getVMOption", String.class);
      Object option = getVmOption.invoke(hotspot, name);
      return String.valueOf(option.getClass().getMethod("getValue").invoke(option));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
