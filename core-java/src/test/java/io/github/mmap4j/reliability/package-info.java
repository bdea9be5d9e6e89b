/**
 * The proof of every safety promise, through the public API only, in child JVMs wherever a broken
 * promise would crash or hang the test runner. docs/reliability.md lists each guarantee with its
 * test and the figures of the last long run.
 *
 * <ul>
 *   <li>{@code KilledMidWriteTest}: SIGKILL in the middle of writing loses no reported record.
 *   <li>{@code AddressSpaceExhaustionTest}: out of address space, mapping fails with {@code [Errno
 *       12] Cannot allocate memory}, and works again after closing.
 *   <li>{@code BadInputTest}: each error case of the semantics leaves file and map intact.
 *   <li>{@code OwnersAndGuestsTest}: concurrent close and resize whoever created the map, with
 *       iterators, crosswise.
 *   <li>{@code TwoProcessesTest}: a reader process while a writer process resizes and truncates.
 * </ul>
 *
 * <p>The default run repeats each scenario a few times; {@code -Preliability-long} (system property
 * {@code mmap4j.reliability.minutes}) repeats them for their share of the minutes ({@link
 * io.github.mmap4j.reliability.Soak}) and prints operations, faults injected, kills and failures
 * ({@link io.github.mmap4j.reliability.Figures}).
 */
package io.github.mmap4j.reliability;
