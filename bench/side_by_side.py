#!/usr/bin/env python3
"""Runs workloads W1-W14 of docs/benchmarks.md on CPython's mmap and on mmap4j, alternating in the
same rounds, and writes the ratios CPython time / mmap4j time as a markdown table and an SVG chart.

    bench/side_by_side.py                  # ROUNDS (default 3) full rounds, as documented
    bench/side_by_side.py --quick          # 1 round, 3 timed runs, 3 JVM warm-ups
    bench/side_by_side.py --smoke          # 1 round, 1 timed run, no waiting: does it all work?
    bench/side_by_side.py --only W1,W8 --rounds 2 --no-vector

Each round waits (at most QUIET_MAX s, default 45) for the machine to go quiet, reads the data
files once (page cache hot), then runs every workload on each side back to back: CPython, the JVM,
and the JVM with --add-modules jdk.incubator.vector (reversed order in even rounds). Every JVM
side runs in a fresh JVM per workload. Ratios are computed inside each round; the table shows
their median and range. Output: bench/target/side-by-side-<time>/ (ratios.md, ratios.svg,
summary.json, the raw JSON of every side and round, log.txt).
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time

import ratio_report

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JAVA_HOME = os.environ.get("JAVA_HOME_25", "/usr/lib/jvm/temurin-25-jdk-amd64")
JAVA = os.path.join(JAVA_HOME, "bin", "java")
JVM_FLAGS = ["-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch",
             "--enable-native-access=ALL-UNNAMED"]
VECTOR_FLAGS = ["--add-modules", "jdk.incubator.vector"]
RUNNER = "io.github.mmap4j.bench.workload.WorkloadRunner"
CHART = "io.github.mmap4j.bench.report.RatioChart"
DATA_FILES = ("text.bin", "lines.bin", "small.bin", "w8_offsets.u64")

# id, whether CPython runs it; in run order (the raw-JDK twins right after their workload)
WORKLOADS = [("W1", True), ("W2", True), ("W3", True), ("W4", True), ("W5", True), ("W6", True),
             ("W7", True), ("W8", True), ("W8raw", False), ("W9", True), ("W10", True),
             ("W11", True), ("W11raw", False), ("W12", True), ("W8b", True), ("W11b", True),
             ("W13", True), ("W14", True)]
RAW_TWIN = {"W8": "W8raw", "W11": "W11raw"}


def log(out, text):
    print(text, flush=True)
    with open(os.path.join(out, "log.txt"), "a") as f:
        f.write(text + "\n")


def cpu_times():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return fields[3] + fields[4], sum(fields)  # idle + iowait, all


def wait_quiet(limit_s, out):
    """Waits until one second passes with at least 75% of the CPU time idle; at most limit_s."""
    started = time.time()
    while True:
        idle0, all0 = cpu_times()
        time.sleep(1)
        idle1, all1 = cpu_times()
        idle = (idle1 - idle0) / max(all1 - all0, 1)
        if idle >= 0.75:
            return True, round(idle, 2), round(time.time() - started)
        if time.time() - started >= limit_s:
            log(out, f"# machine still busy after {limit_s} s ({idle:.0%} idle): measuring anyway")
            return False, round(idle, 2), round(time.time() - started)


def warm_page_cache(data):
    subprocess.run(["sync"], check=False)
    for name in DATA_FILES:
        with open(os.path.join(data, name), "rb", buffering=0) as f:
            while f.read(16 << 20):
                pass


def sides(vector):
    out = [("cpython", None), ("mmap4j", JVM_FLAGS)]
    if vector:
        out.append(("mmap4j_vector", JVM_FLAGS + VECTOR_FLAGS))
    return out


def run_side(side, flags, wid, args, round_no, out):
    path = os.path.join(out, f"r{round_no}", f"{side}-{wid}.json")
    if flags is None:
        cmd = [sys.executable, os.path.join(HERE, "cpython_bench.py"), "--data", args.data,
               "--only", wid, "--json", path, "--label", f"r{round_no}"]
        if args.runs:
            cmd += ["--runs", str(args.runs)]
    else:
        cmd = [JAVA, *flags, "-cp", args.jar, RUNNER, "--data", args.data, "--only", wid,
               "--json", path, "--label", f"r{round_no}", "--warmups", str(args.warmups)]
        if args.runs:
            cmd += ["--runs", str(args.runs)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        log(out, done.stdout + done.stderr)
        raise SystemExit(f"{side} {wid} failed (exit {done.returncode}): {shlex.join(cmd)}")
    log(out, f"r{round_no} {side:13} {done.stdout.strip()}")
    with open(path) as f:
        return json.load(f)["results"][0]


def java_runtime():
    """The JDK's build line, e.g. 'OpenJDK Runtime Environment Temurin-25.0.3+9 (build ...)'."""
    done = subprocess.run([JAVA, "-version"], capture_output=True, text=True)
    lines = done.stderr.strip().splitlines()
    return lines[1].strip() if len(lines) > 1 else (lines or ["?"])[0]


def environment(args):
    def first_line(cmd):
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            return (done.stdout or done.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"

    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    command = " ".join(f"{k}={shlex.quote(v)}" for k, v in sorted(os.environ.items())
                       if k in ("ROUNDS", "QUIET_MAX"))
    command = (command + " " if command else "") + shlex.join(["bench/side_by_side.py",
                                                                *sys.argv[1:]])
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": model,
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "jdk": java_runtime(),
        "python": platform.python_version(),
        "commit": first_line(["git", "log", "-1", "--format=%h %s"]),
        "command": command,
        "jvm_flags": " ".join(JVM_FLAGS),
        "rounds": args.rounds,
        "runs": args.runs or "per workload (docs/benchmarks.md)",
        "jvm_warmups": args.warmups,
    }


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="1 round, 3 runs, 3 JVM warm-ups")
    p.add_argument("--smoke", action="store_true", help="1 round, 1 run, 2 warm-ups, no waiting")
    p.add_argument("--rounds", type=int, default=int(os.environ.get("ROUNDS", 3)))
    p.add_argument("--runs", type=int, help="timed runs per workload (default: its N)")
    p.add_argument("--warmups", type=int, default=5, help="JVM warm-up runs (at least 2)")
    p.add_argument("--only", help="comma list of workload ids, e.g. W1,W8 (W8 brings W8raw)")
    p.add_argument("--no-vector", dest="vector", action="store_false",
                   help="skip the JVM run with jdk.incubator.vector")
    p.add_argument("--quiet-max", type=int, default=int(os.environ.get("QUIET_MAX", 45)))
    p.add_argument("--data", default="/tmp/mmap4j-data")
    p.add_argument("--jar", default=os.path.join(HERE, "target", "benchmarks.jar"))
    p.add_argument("--rebuild", action="store_true", help="rebuild benchmarks.jar first")
    p.add_argument("--out", help="output folder (default bench/target/side-by-side-<time>)")
    a = p.parse_args()
    if a.quick:
        a.rounds, a.runs, a.warmups, a.quiet_max = 1, a.runs or 3, 3, min(a.quiet_max, 15)
    if a.smoke:
        a.rounds, a.runs, a.warmups, a.quiet_max = 1, 1, 2, 0
    return a


def selected(only):
    if not only:
        return WORKLOADS
    wanted = {w.strip().upper() for w in only.split(",")}
    wanted |= {RAW_TWIN[w].upper() for w in RAW_TWIN if w.upper() in wanted}
    unknown = wanted - {w.upper() for w, _ in WORKLOADS}
    if unknown:
        raise SystemExit(f"unknown workload ids: {', '.join(sorted(unknown))}")
    return [(w, py) for w, py in WORKLOADS if w.upper() in wanted]


def main():
    args = parse_args()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = args.out or os.path.join(HERE, "target", f"side-by-side-{stamp}")
    os.makedirs(out, exist_ok=True)
    if args.rebuild or not os.path.exists(args.jar):
        subprocess.run(["mvn", "-B", "-ntp", "-q", "-pl", "bench", "-am", "-Pbench", "package",
                        "-DskipTests"], cwd=ROOT, check=True,
                       env={**os.environ, "JAVA_HOME": JAVA_HOME,
                            "PATH": f"{JAVA_HOME}/bin:{os.environ['PATH']}"})
    make_data = os.path.join(HERE, "make_data.py")
    subprocess.run([sys.executable, make_data, args.data], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, make_data, args.data, "--check"], check=True)
    env = environment(args)
    log(out, json.dumps(env, indent=1))
    rounds = []
    for r in range(1, args.rounds + 1):
        os.makedirs(os.path.join(out, f"r{r}"), exist_ok=True)
        quiet, idle, waited = wait_quiet(args.quiet_max, out) if args.quiet_max else (None, None, 0)
        warm_page_cache(args.data)
        order = sides(args.vector) if r % 2 else list(reversed(sides(args.vector)))
        info = {"round": r, "quiet": quiet, "idle": idle, "waited_s": waited,
                "load_start": os.getloadavg()[0], "order": [s for s, _ in order], "results": {}}
        log(out, f"# round {r}: order {', '.join(info['order'])}; load {info['load_start']:.1f}")
        for wid, on_cpython in selected(args.only):
            for side, flags in order:
                if flags is None and not on_cpython:
                    continue
                info["results"].setdefault(side, {})[wid] = run_side(side, flags, wid, args, r, out)
        info["load_end"] = os.getloadavg()[0]
        rounds.append(info)
    ratio_report.write(out, env, rounds, args.jar, JAVA)
    log(out, f"results in {out}")


if __name__ == "__main__":
    main()
