#!/usr/bin/env python3
"""Prints CPython-time / mmap4j-time for each benchmark, from cpython_bench.py JSON files and
JMH `-rf json` files of the same compare.sh run (cpython-r<k>-<group>.json, jmh-r<k>-<group>.json).

Each side's time is the median of its samples (CPython: timed runs; JMH: measurement iterations),
in seconds per invocation of the same work. The ratio is computed inside each round, then the
median over rounds is reported with its range; "best/best" divides the fastest CPython sample by the
fastest JMH iteration of all rounds (least disturbed by other tenants). Above 1: mmap4j is faster.

Usage: ratios.py FOLDER   (writes FOLDER/ratios.md)
"""
import glob
import json
import os
import statistics
import sys

MIB = 1 << 20
TEXT = 256 * MIB

# name: (target ratio or None, baseline JMH benchmarks, work per invocation, unit of the rate)
BENCHMARKS = {
    "FindBenchmark.findAbsent16": (4, ["FindBenchmark.segmentFindAbsent16"], TEXT, "GB/s"),
    "FindBenchmark.rfindAbsent16": (4, ["FindBenchmark.segmentRfindAbsent16"], TEXT, "GB/s"),
    "FindBenchmark.findPlanted16": (4, [], TEXT, "GB/s"),
    "FindBenchmark.findAbsent1": (1, ["FindBenchmark.segmentFindAbsent1"], TEXT, "GB/s"),
    "ReadLineBenchmark.readLineCount": (3, ["ReadLineBenchmark.segmentLineCount"], TEXT, "GB/s"),
    "ReadByteBenchmark.readByteLoop": (10, ["ReadByteBenchmark.bufferGetLoop"], 16 * MIB, "ns/call"),
    "ReadByteBenchmark.writeByteLoop": (10, ["ReadByteBenchmark.bufferPutLoop"], 16 * MIB, "ns/call"),
    "ReadByteBenchmark.getLoop": (None, ["ReadByteBenchmark.segmentGetLoop"], 16 * MIB, "ns/call"),
    "OpenCloseBenchmark.mapClose": (1, ["OpenCloseBenchmark.sharedArenaMapClose",
                                        "OpenCloseBenchmark.confinedArenaMapClose"], 1, "us/call"),
    "BulkBenchmark.slice1m": (1, ["BulkBenchmark.segmentSlice1m"], 64 * MIB, "GB/s"),
    "BulkBenchmark.read1m": (1, ["BulkBenchmark.bufferRead1m"], 64 * MIB, "GB/s"),
    "BulkBenchmark.setSlice1m": (1, ["BulkBenchmark.segmentSetSlice1m"], 64 * MIB, "GB/s"),
    "BulkBenchmark.move1m": (1, ["BulkBenchmark.segmentMove1m"], 32 * MIB, "GB/s"),
}

SECONDS = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}


def load_jmh(paths):
    """{name: (median seconds, min seconds, jdk)} over the measurement iterations of the files."""
    out = {}
    for p in paths:
        with open(p) as f:
            for r in json.load(f):
                name = ".".join(r["benchmark"].rsplit(".", 2)[-2:])
                scale = SECONDS[r["primaryMetric"]["scoreUnit"]]
                raw = [x * scale for fork in r["primaryMetric"]["rawData"] for x in fork]
                out[name] = (statistics.median(raw), min(raw), r["jdkVersion"])
    return out


def load_cpython(paths):
    """{name: (median seconds, min seconds)} over the timed runs of the files, and the version."""
    out, version = {}, "?"
    for p in paths:
        with open(p) as f:
            d = json.load(f)
        version = d["python"]
        out.update({k: (v["median_s"], min(v["samples_s"])) for k, v in d["results"].items()})
    return out, version


def rate(seconds, work, unit):
    if unit == "GB/s":
        return f"{work / seconds / 1e9:.2f} GB/s"
    if unit == "ns/call":
        return f"{seconds / work * 1e9:.1f} ns"
    return f"{seconds * 1e6:.1f} µs"


def rounds_in(folder):
    """[(cpython files, jmh files)] per round, from compare.sh's r<k>-<group> file names."""
    found = {}
    for path in sorted(glob.glob(os.path.join(folder, "*-r*-*.json"))):
        side, rnd = os.path.basename(path).split("-")[:2]
        found.setdefault(rnd, ([], []))[0 if side == "cpython" else 1].append(path)
    return [found[k] for k in sorted(found, key=lambda r: int(r[1:]))]


def main():
    folder = sys.argv[1]
    rounds = [(load_cpython(py), load_jmh(jmh)) for py, jmh in rounds_in(folder)]
    py_version = rounds[0][0][1]
    jdk = next(iter(rounds[0][1].values()))[2]
    rows = ["| benchmark | CPython | mmap4j | ratio CPython/mmap4j: median of rounds [range] | "
            "best/best | target | met | baselines (JMH; speed of mmap4j relative to it) |",
            "|---|---|---|---|---|---|---|---|"]
    for name, (target, baselines, work, unit) in BENCHMARKS.items():
        per_round = [(py[name], jmh[name]) for (py, _), jmh in rounds if name in py and name in jmh]
        if not per_round:
            continue
        ratios = [p[0] / j[0] for p, j in per_round]
        ratio = statistics.median(ratios)
        best = min(p[1] for p, _ in per_round) / min(j[1] for _, j in per_round)
        py_s = statistics.median(p[0] for p, _ in per_round)
        jvm_s = statistics.median(j[0] for _, j in per_round)
        met = "–" if target is None else ("yes" if ratio >= target else
                                          f"**no** ({ratio / target:.2f} of target)")
        base = []
        for b in baselines:
            times = [jmh[b][0] for _, jmh in rounds if b in jmh]
            if times:
                bt = statistics.median(times)
                base.append(f"{b.split('.')[1]} {rate(bt, work, unit)} ({bt / jvm_s:.2f}×)")
        spread = f" [{min(ratios):.2f}–{max(ratios):.2f}]" if len(ratios) > 1 else ""
        rows.append(f"| {name.split('.')[1]} | {rate(py_s, work, unit)} | "
                    f"{rate(jvm_s, work, unit)} | **{ratio:.2f}×**{spread} | {best:.2f}× | "
                    f"{'–' if target is None else f'≥ {target}×'} | {met} | {'; '.join(base)} |")
    text = (f"CPython {py_version}, JDK {jdk}, {len(rounds)} round(s); times are medians "
            f"(GB/s = 1e9 B/s)\n\n" + "\n".join(rows) + "\n")
    with open(os.path.join(folder, "ratios.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
