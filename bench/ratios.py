#!/usr/bin/env python3
"""Prints CPython-time / mmap4j-time for each benchmark, from cpython_bench.py JSON files and
JMH `-rf json` files of the same run (bench/compare.sh makes both).

Each side's time is the median of its samples (CPython: timed runs; JMH: measurement iterations),
in seconds per invocation of the same work. A ratio above 1 means mmap4j is faster.

Usage: ratios.py OUT.md CPYTHON.json... -- JMH.json...
"""
import json
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
    out = {}
    for p in paths:
        with open(p) as f:
            for r in json.load(f):
                name = r["benchmark"].rsplit(".", 2)
                name = f"{name[-2]}.{name[-1]}"
                scale = SECONDS[r["primaryMetric"]["scoreUnit"]]
                raw = [x * scale for fork in r["primaryMetric"]["rawData"] for x in fork]
                out[name] = (statistics.median(raw), r["jdkVersion"], r["vmVersion"])
    return out


def load_cpython(paths):
    out, version = {}, "?"
    for p in paths:
        with open(p) as f:
            d = json.load(f)
        version = d["python"]
        out.update({k: v["median_s"] for k, v in d["results"].items()})
    return out, version


def rate(seconds, work, unit):
    if unit == "GB/s":
        return f"{work / seconds / 1e9:.2f} GB/s"
    if unit == "ns/call":
        return f"{seconds / work * 1e9:.1f} ns"
    return f"{seconds * 1e6:.2f} µs"


def main():
    args = sys.argv[1:]
    split = args.index("--")
    out_path, py_paths, jmh_paths = args[0], args[1:split], args[split + 1:]
    py, py_version = load_cpython(py_paths)
    jmh = load_jmh(jmh_paths)
    jdk = next(iter(jmh.values()))[1] if jmh else "?"
    rows = ["| benchmark | CPython | mmap4j | ratio (CPython/mmap4j) | target | met | "
            "baseline (mmap4j/baseline speed) |",
            "|---|---|---|---|---|---|---|"]
    for name, (target, baselines, work, unit) in BENCHMARKS.items():
        if name not in py or name not in jmh:
            continue
        p, j = py[name], jmh[name][0]
        ratio = p / j
        met = "–" if target is None else ("yes" if ratio >= target else
                                          f"**no** ({ratio / target:.2f} of target)")
        base = "; ".join(f"{b.split('.')[1]} {rate(jmh[b][0], work, unit)} "
                         f"({jmh[b][0] / j:.2f}×)" for b in baselines if b in jmh)
        rows.append(f"| {name} | {rate(p, work, unit)} | {rate(j, work, unit)} | "
                    f"**{ratio:.2f}×** | {'–' if target is None else f'≥ {target}×'} | {met} | "
                    f"{base} |")
    text = f"CPython {py_version}, JDK {jdk}\n\n" + "\n".join(rows) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
