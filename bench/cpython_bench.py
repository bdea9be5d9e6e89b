#!/usr/bin/env python3
"""CPython's side of the side-by-side benchmark: workloads W1-W14 of docs/benchmarks.md on
CPython's own mmap module, with the same files, timed regions, work and checks as the JVM side.

    cpython_bench.py --data DIR [--only W1,W8b] [--runs N] [--json OUT] [--label TEXT]

Per workload: setup, 2 untimed warm-up runs (the first one's time is warmup_s), N timed runs
(time.perf_counter around the timed region, time.thread_time beside it), an untimed check after
every run, an optional final check, teardown. Prints `name work seconds rate unit` per workload
(seconds = median of the timed runs); --json keeps every sample.

W8b and W11b run W8's and W11's code: CPython has no allocation-free form of them.
"""
import argparse
import json
import mmap
import os
import platform
import statistics
import struct
import sys
import time

MIB = 1 << 20
WARMUPS = 2


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


class Data:
    """The manifest's values and the files it names."""

    def __init__(self, folder, scratch):
        self.folder = folder
        self.values = {}
        with open(os.path.join(folder, "manifest.properties")) as f:
            for line in f:
                key, sep, value = line.strip().partition("=")
                if sep and not key.startswith("#"):
                    self.values[key] = value
        self.scratch = scratch

    def int(self, key):
        return int(self.values[key])

    def path(self, key):
        return os.path.join(self.folder, self.values[key])

    def needle(self, key):
        return bytes.fromhex(self.values[key])

    def map_read(self, key):
        """Map RO: the whole file, ACCESS_READ, from a file opened rb (kept open)."""
        f = open(self.path(key), "rb")
        return f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)

    def map_scratch(self, name, size):
        """Map RW of a fresh scratch copy of lines.bin[0:size]."""
        path = os.path.join(self.scratch, f"{name}-py{os.getpid()}.bin")
        with open(self.path("lines_file"), "rb") as src, open(path, "wb") as dst:
            dst.write(src.read(size))
        f = open(path, "r+b")
        return f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE), path


class Workload:
    """One workload: setup in __init__, then run() (the timed region), check(result) after every
    run, final() after the last one, close() for teardown."""

    work = 0
    files = ()

    def final(self):
        pass

    def close(self):
        for thing in self.files:
            thing.close()


class OnMap(Workload):
    """A workload on Map RO of one data file."""

    def __init__(self, data, file_key):
        f, self.m = data.map_read(file_key)
        self.files = (self.m, f)


class OnScratch(Workload):
    """A workload on Map RW of a fresh scratch copy, deleted at teardown."""

    def __init__(self, data, name, size):
        f, self.m, self.path = data.map_scratch(name, size)
        self.files = (self.m, f)

    def close(self):
        super().close()
        os.unlink(self.path)


# --- W1-W4: one search over text.bin -------------------------------------------------------------


class Search(OnMap):
    def __init__(self, data, method, needle, want):
        super().__init__(data, "text_file")
        self.method, self.needle, self.want = method, needle, want
        self.work = data.int("text_size") if want < 0 else want + len(needle)

    def run(self):
        if self.method == "find":
            return self.m.find(self.needle)
        return self.m.rfind(self.needle)

    def check(self, r):
        expect(r == self.want, f"{self.method} returned {r}, expected {self.want}")


# --- W5, W6, W7: per-line and per-byte calls -----------------------------------------------------


class ReadlineCount(OnMap):
    def __init__(self, data):
        super().__init__(data, "lines_file")
        self.work = data.int("lines_size")
        self.want = data.int("lines_lines")

    def run(self):
        m = self.m
        m.seek(0)
        rl = m.readline
        n = 0
        while rl():
            n += 1
        return n

    def check(self, n):
        expect(n == self.want, f"{n} lines, expected {self.want}")


class ReadByteLoop(OnMap):
    def __init__(self, data):
        super().__init__(data, "lines_file")
        self.work = data.int("w6_size")
        self.want = data.int("w6_bytesum")

    def run(self):
        m = self.m
        m.seek(0)
        rb = m.read_byte
        s = 0
        for _ in range(16777216):
            s += rb()
        return s

    def check(self, s):
        expect(s == self.want and self.m.tell() == self.work, f"sum {s}, pos {self.m.tell()}")


class WriteByteLoop(OnScratch):
    def __init__(self, data):
        self.work = data.int("w6_size")
        super().__init__(data, "w7", self.work)
        self.src = self.m[: self.work].upper()
        expect(self.src != self.m[: self.work], "the scratch copy already holds the pattern")

    def run(self):
        m = self.m
        m.seek(0)
        wb = m.write_byte
        for b in self.src:
            wb(b)
        return m.tell()

    def check(self, pos):
        expect(pos == self.work, f"position {pos} after the loop")
        expect(self.m[: self.work] == self.src, "the map does not hold the written bytes")


# --- W8, W9, W11, W12: bulk copies ---------------------------------------------------------------


class RandomSlices(OnMap):
    def __init__(self, data):
        super().__init__(data, "text_file")
        count = data.int("w8_count")
        with open(data.path("w8_offsets_file"), "rb") as g:
            self.offs = list(struct.unpack(f"<{count}Q", g.read()))
        self.work = count
        self.want = data.int("w8_lastbyte_sum")

    def run(self):
        m = self.m
        s = 0
        for o in self.offs:
            s += m[o : o + 4096][-1]
        return s

    def check(self, s):
        expect(s == self.want, f"last-byte sum {s}, expected {self.want}")


class SliceAssign(OnScratch):
    def __init__(self, data):
        self.work = data.int("lines_size")
        super().__init__(data, "w9", self.work)
        self.chunk = bytes(range(256)) * 16
        expect(self.m[:4096] != self.chunk, "the scratch copy already holds the pattern")

    def run(self):
        m, chunk = self.m, self.chunk
        for off in range(0, 268435456, 4096):
            m[off : off + 4096] = chunk

    def check(self, _):
        for off in (0, self.work // 2, self.work - 4096):
            expect(self.m[off : off + 4096] == self.chunk, f"page at {off} not assigned")

    def final(self):
        expect(self.m[:] == self.chunk * (self.work // 4096), "the map is not the pattern")


class ReadChunks(OnMap):
    def __init__(self, data):
        super().__init__(data, "text_file")
        self.work = data.int("text_size")
        self.want = (self.work, data.int("w11_lastbyte_sum"))

    def run(self):
        m = self.m
        m.seek(0)
        rd = m.read
        n = 0
        s = 0
        while True:
            b = rd(1048576)
            if not b:
                break
            n += len(b)
            s += b[-1]
        return n, s

    def check(self, r):
        expect(r == self.want, f"(bytes, last-byte sum) {r}, expected {self.want}")


class Move(OnScratch):
    def __init__(self, data):
        self.work = 64 * MIB
        super().__init__(data, "w12", 2 * self.work)
        with open(data.path("lines_file"), "rb") as g:
            self.orig = g.read(self.work)

    def run(self):
        self.m.move(67108864, 0, 67108864)

    def check(self, _):
        half = self.work
        for off in (0, half // 2, half - 4096):
            got = self.m[half + off : half + off + 4096]
            expect(got == self.orig[off : off + 4096], f"moved page at {off} differs")

    def final(self):
        half = self.work
        expect(self.m[half:] == self.orig and self.m[:half] == self.orig, "move result differs")


# --- W10, W13, W14: creating and closing maps ----------------------------------------------------


class OpenClose(Workload):
    work = 100_000

    def __init__(self, data):
        self.fd = os.open(data.path("small_file"), os.O_RDONLY)
        self.size = data.int("small_size")

    def run(self):
        fd = self.fd
        mm = mmap.mmap
        AR = mmap.ACCESS_READ
        for _ in range(100000):
            m = mm(fd, 0, access=AR)
            m.close()
        return m

    def check(self, last):
        expect(last.closed, "the last map is still open")
        fresh = mmap.mmap(self.fd, 0, access=mmap.ACCESS_READ)
        expect(len(fresh) == self.size, f"a fresh map has {len(fresh)} bytes")
        fresh.close()

    def close(self):
        os.close(self.fd)


class AnonymousMaps(Workload):
    """W13 touches the first and the last byte of each map, W14 only the first."""

    def __init__(self, count, size, touch_last):
        self.work, self.size, self.touch_last = count, size, touch_last

    def run(self):
        mm = mmap.mmap
        n = self.size
        if self.touch_last:
            for _ in range(200):
                m = mm(-1, n)
                m[0] = 1
                m[-1] = 1
                m.close()
        else:
            for _ in range(10000):
                m = mm(-1, n)
                m[0] = 1
                m.close()
        return m

    def check(self, last):
        expect(last.closed, "the last map is still open")
        n = self.size
        fresh = mmap.mmap(-1, n)
        try:
            expect(fresh[0] == 0 and fresh[n // 2] == 0 and fresh[-1] == 0, "not zero-filled")
            fresh[0] = 1
            if self.touch_last:
                fresh[-1] = 1
            expect(fresh[0] == 1 and fresh[n // 2] == 0, "set byte not read back")
            expect(fresh[-1] == (1 if self.touch_last else 0), "last byte wrong")
        finally:
            fresh.close()


# id, name, unit, default N, factory; run in this order
WORKLOADS = [
    ("W1", "W1_find_absent16", "GB/s", 7,
     lambda d: Search(d, "find", d.needle("absent_needle_hex"), -1)),
    ("W2", "W2_find_absent1", "GB/s", 9, lambda d: Search(d, "find", b"\x00", -1)),
    ("W3", "W3_rfind_absent16", "GB/s", 5,
     lambda d: Search(d, "rfind", d.needle("absent_needle_hex"), -1)),
    ("W4", "W4_find_planted16", "GB/s", 7,
     lambda d: Search(d, "find", d.needle("planted_needle_hex"), d.int("planted_offset"))),
    ("W5", "W5_readline_count", "GB/s", 5, ReadlineCount),
    ("W6", "W6_read_byte_loop", "GB/s", 5, ReadByteLoop),
    ("W7", "W7_write_byte_loop", "GB/s", 5, WriteByteLoop),
    ("W8", "W8_random_slice4k", "ops/s", 5, RandomSlices),
    ("W9", "W9_slice_assign4k", "GB/s", 9, SliceAssign),
    ("W10", "W10_open_close_1m", "ops/s", 5, OpenClose),
    ("W11", "W11_read_1m_chunks", "GB/s", 9, ReadChunks),
    ("W12", "W12_move_64m", "GB/s", 15, Move),
    ("W8b", "W8b_random_get4k", "ops/s", 5, RandomSlices),
    ("W11b", "W11b_read_into_1m", "GB/s", 9, ReadChunks),
    ("W13", "W13_anon_16m", "ops/s", 5, lambda d: AnonymousMaps(200, 16 * MIB, True)),
    ("W14", "W14_anon_8k", "ops/s", 5, lambda d: AnonymousMaps(10_000, 8192, False)),
]


def measure(data, wid, name, unit, runs, factory):
    w = factory(data)
    clock, cpu_clock = time.perf_counter, time.thread_time
    try:
        warmups = []
        for _ in range(WARMUPS):
            t0 = clock()
            r = w.run()
            warmups.append(clock() - t0)
            w.check(r)
        samples, cpu = [], []
        for _ in range(runs):
            c0 = cpu_clock()
            t0 = clock()
            r = w.run()
            t1 = clock()
            c1 = cpu_clock()
            w.check(r)
            samples.append(t1 - t0)
            cpu.append(c1 - c0)
        w.final()
    finally:
        w.close()
    median = statistics.median(samples)
    return {"id": wid, "name": name, "unit": unit, "work": w.work, "runs": runs,
            "samples_s": samples, "cpu_s": cpu, "warmup_s": warmups[0], "warmups": WARMUPS,
            "warmups_s": warmups, "median_s": median, "min_s": min(samples),
            "max_s": max(samples), "rate": w.work / median / (1e9 if unit == "GB/s" else 1)}


def scratch_folder(data_folder):
    """tmpfs when it has room (no disk writeback during the write workloads), else DIR/scratch."""
    try:
        shm = os.statvfs("/dev/shm")
        if shm.f_bavail * shm.f_frsize > 1 << 30:
            return "/dev/shm/mmap4j-bench-scratch"
    except OSError:
        pass
    return os.path.join(data_folder, "scratch")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/tmp/mmap4j-data")
    parser.add_argument("--only", help="comma list of workload ids (W1,W8b,...)")
    parser.add_argument("--runs", type=int, help="timed runs per workload (default: its N)")
    parser.add_argument("--json", help="write every sample to this file")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    scratch = scratch_folder(args.data)
    os.makedirs(scratch, exist_ok=True)
    data = Data(args.data, scratch)
    wanted = {w.strip().upper() for w in args.only.split(",")} if args.only else None
    unknown = (wanted or set()) - {w[0].upper() for w in WORKLOADS}
    if unknown:
        parser.error(f"unknown workload ids: {', '.join(sorted(unknown))}")
    results = []
    for wid, name, unit, runs, factory in WORKLOADS:
        if wanted is None or wid.upper() in wanted:
            res = measure(data, wid, name, unit, args.runs or runs, factory)
            results.append(res)
            rate = f"{res['rate']:.4f}" if unit == "GB/s" else f"{res['rate']:.1f}"
            print(f"{name} {res['work']} {res['median_s']:.6f} {rate} {unit}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"side": "cpython", "label": args.label,
                       "python": platform.python_version(), "platform": platform.platform(),
                       "scratch": scratch, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
