package io.github.mmap4j.contract;

import io.github.mmap4j.Access;
import io.github.mmap4j.Mmap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The behaviours every kind of map shares, run once per subclass: a file mapped at offset 0, a file
 * mapped at offset {@link Mmap#PAGESIZE}, a borrowed channel, and anonymous memory. Subclasses only
 * say how a map over given bytes is made ({@link #create}); the tests live in the topic interfaces
 * implemented here.
 *
 * <p>Rows of docs/semantics.md §14 without a Java form are not ported: {@code str}, float, {@code
 * None} or {@code bytes} where an int goes ({@code m10[1.0]}, {@code write_byte(b'a')}, {@code
 * m10[0] = b'a'}, {@code m10[0:3] = 'abc'}), {@code 2**63} arguments ({@code m10[2**63]}, {@code
 * seek(2**63)}), unknown whence ({@code seek(0, 3)}) and unknown madvise options ({@code
 * madvise(9999)}) (enums), invalid access values and {@code flags}/{@code prot} (not in the API),
 * {@code del m[i]}, iteration yielding 1-byte {@code bytes} and the {@code in} operator's item
 * scan, {@code pickle}, memoryviews and {@code BufferError} (docs/semantics.md §7: views are
 * invalidated instead), private anonymous maps (no such factory) and {@code mmap(-2, 10)} (see
 * {@code file.FileMmapConstructionTest} for the closed-channel analogue).
 */
abstract class MmapContract
    implements ClosedMapContract,
        ReadOnlyContract,
        FindContract,
        ReadContract,
        WriteContract,
        SeekContract,
        IndexContract,
        SliceContract,
        MoveContract,
        FlushContract,
        MadviseContract,
        ResizeContract,
        SearchAgreementContract,
        SearchPathContract,
        ThreadsContract,
        ToStringContract,
        BulkContract,
        WordsContract,
        ViewsContract {
  private final List<Mmap> opened = new ArrayList<>();

  /** Makes a map whose bytes are {@code content}; see {@link MapFactory#map(byte[], Access)}. */
  abstract Mmap create(byte[] content, Access access) throws IOException;

  @Override
  public final Mmap map(byte[] content, Access access) throws IOException {
    Mmap m = create(content, access);
    opened.add(m);
    return m;
  }

  @AfterEach
  void closeMaps() {
    opened.forEach(Mmap::close);
  }
}
