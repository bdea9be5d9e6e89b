/**
 * The core contract suite: CPython's {@code mmap} behaviour (spec python-mmap.md) checked against
 * {@link io.github.mmap4j.Mmap}, exception class and exact message for every error.
 *
 * <p>Shared behaviours are default methods of the topic interfaces ({@code ClosedMapContract},
 * {@code FindContract}, {@code SliceContract}, {@code SearchAgreementContract}, …) gathered by
 * {@code MmapContract}, and run once per kind of map: {@code FileMmapContractTest} (offset 0),
 * {@code OffsetFileMmapContractTest} (offset PAGESIZE, bytes on both sides), {@code
 * ChannelMmapContractTest} (a borrowed channel, mapped by the JDK rather than by mmap(2)) and
 * {@code AnonymousMmapContractTest}. File-only behaviours live in {@code FileMmapConstructionTest},
 * {@code FileMmapSizeAndResizeTest}, {@code FileMmapAccessTest}, {@code FileMmapReprTest}, {@code
 * CpythonBasicTest} and {@code LargeFileMmapTest}; {@code ConstantsTest} checks the enums' CPython
 * values.
 *
 * <p>Ports of CPython's {@code Lib/test/test_mmap.py} (spec cpython-test-mmap-cases.md) cite the
 * test name in a comment. Not ported: the trackfd tests (#3, #4, #5: no such option), the
 * Windows-only tests (#28–#31, #44, #45, #47), {@code test_read_invalid_arg} (#18), {@code
 * test_subclass} (#23), {@code test_error} (#25), {@code test_weakref} (#34) and {@code
 * test_concat_repeat_exception} (#37), which Java's types make moot, {@code
 * test_resize_up_private_anonymous_mapping} (#43: the API has no private anonymous map that may
 * resize; COPY may not), test_access_parameter (e)–(g) (access values and flags/prot are not in the
 * API) and main's test_flush_parameters (3.15 only).
 *
 * <p>Where CPython versions differ the suite follows 3.13/3.14 (python-mmap.md §12): seek returns
 * the new position, a shared anonymous map cannot grow, {@code size()} of anonymous memory is
 * EBADF. Digests in {@code FindContract} and {@code SliceContract} were printed by CPython 3.11
 * running the loop quoted beside each.
 */
package io.github.mmap4j.contract;
