#!/usr/bin/env python3
"""Turns the rounds of a side_by_side.py run into ratios.md (table), ratios-chart.tsv and
ratios.svg (chart, drawn by io.github.mmap4j.bench.report.RatioChart), and summary.json.

    bench/ratio_report.py OUT_DIR    # redo the report of a finished run (reads rounds.json)

Inside each round, a side's time for a workload is the median of its timed runs; the ratio is
CPython's time / mmap4j's time (above 1: mmap4j is faster). The table gives the median of the
rounds' ratios and their range; the rate columns give the median of all samples of all rounds.
"""
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORDER = ["W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11", "W12", "W8b",
         "W11b", "W13", "W14"]
RAW_TWIN = {"W8": "W8raw", "W11": "W11raw"}
RAW_LIMIT = 1.05  # mmap4j's time may exceed the raw-JDK loop's by 5 %
# CPython/mmap4j targets: (without, with the Vector API); None = reported, no target
TARGETS = {"W1": (4, 8), "W2": (None, 1), "W3": (4, 8), "W4": (4, 8), "W5": (3, 3),
           "W6": (10, 10), "W7": (10, 10), "W8b": (1.3, 1.3), "W9": (1, 1), "W10": (1, 1),
           "W11b": (1, 1), "W12": (1, 1), "W13": (1, 1), "W14": (1, 1)}
SIDES = {"mmap4j": "mmap4j", "mmap4j_vector": "mmap4j + Vector API"}


def per_round(rounds, side, wid):
    return [r["results"][side][wid] for r in rounds
            if wid in r["results"].get(side, {})]


def ratios(rounds, num_side, num_id, den_side, den_id):
    """num median / den median inside each round that has both."""
    out = []
    for r in rounds:
        res = r["results"]
        if num_id in res.get(num_side, {}) and den_id in res.get(den_side, {}):
            out.append(res[num_side][num_id]["median_s"] / res[den_side][den_id]["median_s"])
    return out


def pooled_median(results):
    return statistics.median(s for r in results for s in r["samples_s"]) if results else None


def rate(results):
    seconds = pooled_median(results)
    if seconds is None:
        return "–"
    r = results[0]
    if r["unit"] == "GB/s":
        return f"{r['work'] / seconds / 1e9:.3g} GB/s"
    return f"{seconds / r['work'] * 1e6:.3g} µs/op"


def spread(values, digits=2):
    if not values:
        return "–"
    mid = f"**{statistics.median(values):.{digits}f}×**"
    if len(values) == 1:
        return mid
    return f"{mid} [{min(values):.{digits}f}–{max(values):.{digits}f}]"


def verdict(value, target, at_most=False):
    """'yes', or how far from the target: the fraction of a minimum reached, the excess over a
    maximum."""
    if value is None or target is None:
        return "–"
    if value <= target if at_most else value >= target:
        return "yes"
    if at_most:
        return f"**no** ({value:.2f}, limit {target})"
    return f"**no** ({value / target:.2f} of target)"


def target_text(wid, vector):
    if wid in RAW_TWIN:
        return f"mmap4j ≤ {RAW_LIMIT}× raw JDK loop (table below)"
    plain, vec = TARGETS[wid]
    if not vector and plain is None:
        return f"– (≥ {vec}× with Vector API, not run)"
    if not vector or plain == vec:
        return f"≥ {plain}×"
    return (f"≥ {plain}× · " if plain else "") + f"≥ {vec}× with Vector API"


def summarize(rounds, vector):
    sides = [s for s in SIDES if s != "mmap4j_vector" or vector]
    rows = {}
    for wid in ORDER:
        py = per_round(rounds, "cpython", wid)
        if not py:
            continue
        row = {"id": wid, "name": py[0]["name"], "unit": py[0]["unit"], "cpython": rate(py),
               "cpython_median_s": pooled_median(py)}
        for i, side in enumerate(sides):
            jvm = per_round(rounds, side, wid)
            rs = ratios(rounds, "cpython", wid, side, wid)
            row[side] = {"rate": rate(jvm), "median_s": pooled_median(jvm), "ratios": rs,
                         "ratio": statistics.median(rs) if rs else None,
                         "gc_count": sum(sum(r.get("gc_count", [])) for r in jvm),
                         "warmups": jvm[0].get("warmups") if jvm else None}
            if wid in RAW_TWIN:
                raw = per_round(rounds, side, RAW_TWIN[wid])
                lib_raw = ratios(rounds, side, wid, side, RAW_TWIN[wid])
                row[side]["raw_rate"] = rate(raw)
                row[side]["lib_over_raw"] = lib_raw
                row[side]["cpython_over_raw"] = ratios(rounds, "cpython", wid, side, RAW_TWIN[wid])
            else:
                row[side]["target"] = TARGETS[wid][i]
        rows[wid] = row
    return sides, rows


def md_table(head, body):
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)] + \
        ["| " + " | ".join(cells) + " |" for cells in body]


def met_text(verdicts):
    """One verdict when the variants agree, else each in column order."""
    return verdicts[0] if len(set(verdicts)) == 1 else " · ".join(verdicts)


def lib_over_raw(cell):
    return statistics.median(cell["lib_over_raw"]) if cell["lib_over_raw"] else None


def main_table(sides, rows):
    head = ["W", "workload", "CPython"]
    for side in sides:
        head += [SIDES[side], f"CPython / {SIDES[side]}"]
    body = []
    for wid, row in rows.items():
        cells = [wid, f"`{row['name']}`", row["cpython"]]
        met = []
        for side in sides:
            cell = row[side]
            cells += [cell["rate"], spread(cell["ratios"])]
            met.append(verdict(lib_over_raw(cell), RAW_LIMIT, at_most=True) if wid in RAW_TWIN
                       else verdict(cell["ratio"], cell["target"]))
        body.append(cells + [target_text(wid, len(sides) > 1), met_text(met)])
    return md_table(head + ["target", "met"], body)


def raw_table(sides, rows):
    head = ["W"]
    for side in sides:
        head += [f"raw JDK loop ({SIDES[side]} run)", SIDES[side], f"{SIDES[side]} / raw"]
    body = []
    for row in rows:
        cells, met = [row["id"]], []
        for side in sides:
            cell = row[side]
            cells += [cell["raw_rate"], cell["rate"], spread(cell["lib_over_raw"], 3)]
            met.append(verdict(lib_over_raw(cell), RAW_LIMIT, at_most=True))
        body.append(cells + [f"≤ {RAW_LIMIT}", met_text(met)])
    return md_table(head + ["target", "met"], body)


def markdown(env, rounds, sides, rows):
    vector = "mmap4j_vector" in sides
    quiet = ", ".join(f"r{r['round']}: {'quiet' if r['quiet'] else 'busy' if r['quiet'] is False else 'no wait'}"
                      f" (load {r['load_start']:.1f}–{r['load_end']:.1f})" for r in rounds)
    lines = [
        "# mmap4j vs CPython's mmap: workloads W1–W14",
        "",
        "Ratio = CPython's time / mmap4j's time for the same work, computed inside each round "
        "(above 1: mmap4j is faster): median of the rounds' ratios [range]. Rates: median of all "
        "timed runs of all rounds. Workloads and protocol: docs/benchmarks.md.",
        "",
        f"- date: {env['date']}; machine: {env['cpu']}, {env['cores']} cores, Linux "
        f"{env['kernel']}",
        f"- JDK: {env['jdk']}; CPython {env['python']}; JVM flags `{env['jvm_flags']}`"
        + (" (Vector API column: plus `--add-modules jdk.incubator.vector`)" if vector else ""),
        f"- commit: {env['commit']}",
        f"- rounds: {len(rounds)} ({quiet}); timed runs: {env['runs']}; JVM warm-up runs: "
        f"{env['jvm_warmups']} (CPython: 2); a fresh JVM per workload",
        f"- command: `{env['command']}`",
        "",
    ]
    lines += main_table(sides, rows)
    raw_rows = [w for w in RAW_TWIN if w in rows]
    if raw_rows:
        lines += ["", "W8 and W11 allocate a new array per call on both sides (the JVM zeroes it, "
                  "CPython's allocator does not): they are judged against the raw-JDK loop doing "
                  "the same work on a plain `FileChannel.map` segment (`W8raw`, `W11raw`). "
                  "mmap4j/raw = mmap4j's time / the raw loop's time inside each round; target "
                  f"≤ {RAW_LIMIT}.", ""]
        lines += raw_table(sides, [rows[w] for w in raw_rows])
    gc = ", ".join(f"{w} {rows[w]['mmap4j']['gc_count']}" for w in rows
                   if rows[w]["mmap4j"]["gc_count"])
    lines += ["", f"Garbage collections inside mmap4j's timed runs (all rounds): {gc or 'none'}."]
    return "\n".join(lines) + "\n"


def chart_data(env, rounds, sides, rows):
    """Tab-separated input of RatioChart: title, notes, the bar series and their target series,
    one row per workload."""
    out = ["title\tCPython time / mmap4j time (median of rounds; above 1: mmap4j is faster)",
           f"note\t{env['date']} · {env['cpu']}, {env['cores']} cores · {env['jdk']} · "
           f"CPython {env['python']} · {len(rounds)} round(s)",
           f"note\t{env['command']}",
           "note\tW8, W11 targets: CPython/raw-JDK-loop ratio ÷ 1.05",
           "series\t" + "\t".join([SIDES[s] for s in sides] +
                                   [f"target ({SIDES[s]})" for s in sides])]
    for wid, row in rows.items():
        values = [row[s]["ratio"] for s in sides]
        for side in sides:
            if wid in RAW_TWIN:
                over_raw = row[side]["cpython_over_raw"]
                values.append(statistics.median(over_raw) / RAW_LIMIT if over_raw else None)
            else:
                values.append(row[side]["target"])
        out.append("row\t" + wid + "\t" + "\t".join("" if v is None else f"{v:.4f}"
                                                    for v in values))
    return "\n".join(out) + "\n"


def write(out, env, rounds, jar, java):
    with open(os.path.join(out, "rounds.json"), "w") as f:
        json.dump({"env": env, "rounds": rounds}, f, indent=1)
    vector = any("mmap4j_vector" in r["results"] for r in rounds)
    sides, rows = summarize(rounds, vector)
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump({"env": env, "rows": rows}, f, indent=1)
    text = markdown(env, rounds, sides, rows)
    with open(os.path.join(out, "ratios.md"), "w") as f:
        f.write(text)
    tsv = os.path.join(out, "ratios-chart.tsv")
    with open(tsv, "w") as f:
        f.write(chart_data(env, rounds, sides, rows))
    subprocess.run([java, "-Djava.awt.headless=true", "-cp", jar,
                    "io.github.mmap4j.bench.report.RatioChart", tsv,
                    os.path.join(out, "ratios.svg")], check=True)
    print(text)


def main():
    out = sys.argv[1]
    with open(os.path.join(out, "rounds.json")) as f:
        saved = json.load(f)
    java = os.path.join(os.environ.get("JAVA_HOME_25", "/usr/lib/jvm/temurin-25-jdk-amd64"),
                        "bin", "java")
    write(out, saved["env"], saved["rounds"], os.path.join(HERE, "target", "benchmarks.jar"), java)


if __name__ == "__main__":
    main()
