/**
 * The core contract suite: CPython's {@code mmap} behaviour (docs/semantics.md) checked against
 * {@link io.github.mmap4j.Mmap}, exception class and exact message for every error.
 *
 * <p>This package holds only the shared behaviours and the factories that run them. The behaviours
 * are default methods of the topic interfaces ({@code ClosedMapContract}, {@code FindContract},
 * {@code SliceContract}, {@code SearchAgreementContract}, {@code SearchPathContract}, …) gathered
 * by {@code MmapContract}, and run once per kind of map: {@code FileMmapContractTest} (offset 0),
 * {@code OffsetFileMmapContractTest} (offset PAGESIZE, bytes on both sides), {@code
 * ChannelMmapContractTest} (a borrowed channel, mapped by the JDK rather than by mmap(2)) and
 * {@code AnonymousMmapContractTest}.
 *
 * <p>Elsewhere: what only file maps do is in {@code io.github.mmap4j.file}, what only anonymous
 * maps do in {@code io.github.mmap4j.anonymous}, maps and files beyond 2 GiB in {@code
 * io.github.mmap4j.large}, the constants in {@code io.github.mmap4j.ConstantsTest}; the helpers all
 * of them share ({@code Bytes}, {@code Messages}, {@code Digest}) in {@code
 * io.github.mmap4j.testing}.
 *
 * <p>Ports of CPython's {@code Lib/test/test_mmap.py} cite the test name in a comment; letters such
 * as {@code test_access_parameter (d)} name a part of a longer test, and docs/semantics.md §16
 * lists the parts and the tests not ported (no Java counterpart).
 *
 * <p>Where CPython versions differ the suite follows 3.13/3.14 (docs/semantics.md §12): seek
 * returns the new position, a shared anonymous map cannot grow, {@code size()} of anonymous memory
 * is EBADF. Digests in {@code FindContract} and {@code SliceContract} were printed by CPython 3.11
 * running the loop quoted beside each.
 */
package io.github.mmap4j.contract;
