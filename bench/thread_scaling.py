#!/usr/bin/env python3
"""Runs the thread-scaling JMH benchmarks on 1 and 2 threads and prints, per operation, the cost
of a call on the map's creating thread and on another thread, and how the summed throughput
scales from 1 to 2 threads, for mmap4j and the raw shared-arena MemorySegment.

    bench/thread_scaling.py                 # JMH defaults of the benchmarks (3 x 1 s warm-up, 5 x 1 s)
    bench/thread_scaling.py --quick         # 1 x 1 s warm-up, 3 x 1 s measurement
    bench/thread_scaling.py --threads 4     # also run 4 threads (JMH -t 4)
    bench/thread_scaling.py --report FILE   # only print the tables of an earlier JMH JSON file

Writes bench/target/thread-scaling-<time>/{jmh.json,jmh.txt,scaling.md}.
"""
import argparse
import datetime
import fcntl
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
JAVA = os.path.join(os.environ.get("JAVA_HOME_25", "/usr/lib/jvm/temurin-25-jdk-amd64"),
                    "bin", "java")
OPS = [("get", "Get"), ("readByte", "ReadByte"), ("slice 4 KiB", "Slice4k"),
       ("find 16 B in 64 KiB", "Find16")]


def wait_for_jmh(limit_s):
    """JMH refuses to start while another JMH run holds /tmp/jmh.lock (someone else measuring on
    this machine): wait for it to finish, at most limit_s seconds."""
    started = time.time()
    with open("/tmp/jmh.lock", "a") as f:
        while True:
            try:
                fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.lockf(f, fcntl.LOCK_UN)
                return
            except OSError:
                if time.time() - started > limit_s:
                    raise SystemExit(f"another JMH run still holds /tmp/jmh.lock after {limit_s} s")
                time.sleep(5)


def load(path):
    """{(method, threads): total ops/s} from a JMH -rf json file."""
    scores = {}
    with open(path) as f:
        for r in json.load(f):
            method = r["benchmark"].rsplit(".", 1)[1]
            scores[(method, r["threads"])] = r["primaryMetric"]["score"]
    return scores


def operation(method):
    """'Get' for creatorGet, otherGet, rawGet; 'GetOwnMap' for otherGetOwnMap."""
    for prefix in ("creator", "other", "raw"):
        if method.startswith(prefix):
            return method[len(prefix):]
    return method


def ns_per_call(scores, method, threads):
    total = scores.get((method, threads))
    return None if total is None else threads / total * 1e9


def fmt(value, pattern):
    return "–" if value is None else pattern.format(value)


def tables(scores):
    counts = sorted({t for _, t in scores})
    lines = ["Per call (ns, one thread; lower is better) and scaling (summed ops/s on 2 threads "
             "/ on 1 thread; 2.0 = perfect on 2 cores):", "",
             "| operation | creator ns | other thread ns | other/creator | raw segment ns | "
             "creator 2T/1T | other 2T/1T | raw 2T/1T |",
             "|---|---|---|---|---|---|---|---|"]
    for label, op in OPS:
        creator, other, raw = (ns_per_call(scores, p + op, 1) for p in ("creator", "other", "raw"))
        scale = [(scores.get((p + op, 2)) / scores[(p + op, 1)])
                 if (p + op, 1) in scores and (p + op, 2) in scores else None
                 for p in ("creator", "other", "raw")]
        lines.append(f"| {label} | {fmt(creator, '{:.2f}')} | {fmt(other, '{:.2f}')} | "
                     f"{fmt(other / creator if other and creator else None, '{:.1f}×')} | "
                     f"{fmt(raw, '{:.2f}')} | " + " | ".join(fmt(s, '{:.2f}') for s in scale) + " |")
    lines += ["", "Throughput (ops/s; one op = one call):", "",
              "| benchmark | threads | total ops/s | per thread ops/s | ns per call per thread |",
              "|---|---|---|---|---|"]
    for method in sorted({m for m, _ in scores}, key=lambda m: (operation(m), m)):
        for t in counts:
            if (method, t) in scores:
                total = scores[(method, t)]
                lines.append(f"| {method} | {t} | {total:,.0f} | {total / t:,.0f} | "
                             f"{t / total * 1e9:.2f} |")
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--threads", type=int, help="also run this many threads (JMH -t)")
    p.add_argument("--report", help="print the tables of this JMH JSON file and stop")
    p.add_argument("--jar", default=os.path.join(HERE, "target", "benchmarks.jar"))
    p.add_argument("--data", default="/tmp/mmap4j-data")
    p.add_argument("--wait-max", type=int, default=1800,
                   help="seconds to wait for another JMH run to finish")
    a = p.parse_args()
    if a.report:
        print(tables(load(a.report)))
        return
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = os.path.join(HERE, "target", f"thread-scaling-{stamp}")
    os.makedirs(out)
    subprocess.run([sys.executable, os.path.join(HERE, "make_data.py"), a.data], check=True,
                   stdout=subprocess.DEVNULL)
    timing = ["-wi", "1", "-i", "3", "-w", "1s", "-r", "1s"] if a.quick else []
    runs = [("1and2", ["io.github.mmap4j.bench.threads.(One|Two)Thread"])]
    if a.threads:
        runs.append((f"t{a.threads}", ["io.github.mmap4j.bench.threads.OneThread",
                                       "-t", str(a.threads)]))
    scores = {}
    for tag, selection in runs:
        path = os.path.join(out, f"jmh-{tag}.json")
        cmd = [JAVA, "-jar", a.jar, *selection, *timing, "-foe", "true",
               # Prepend: a command-line -jvmArgsAppend would replace the flags of @Fork
               "-jvmArgsPrepend", f"-Dmmap4j.bench.data={a.data}", "-rf", "json", "-rff", path]
        wait_for_jmh(a.wait_max)
        with open(os.path.join(out, f"jmh-{tag}.txt"), "w") as log:
            subprocess.run(cmd, check=True, stdout=log, stderr=subprocess.STDOUT)
        scores.update(load(path))
    text = tables(scores)
    with open(os.path.join(out, "scaling.md"), "w") as f:
        f.write(text)
    print(text)
    print(f"results in {out}")


if __name__ == "__main__":
    main()
