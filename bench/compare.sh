#!/usr/bin/env bash
# Runs CPython's mmap and mmap4j's JMH benchmarks on the same generated files in one run, group
# by group back to back (so both sides see the same machine load), then prints
# CPython-time / mmap4j-time per benchmark. See bench/README.md.
#
#   bench/compare.sh                 # all groups, short JMH settings
#   BENCH_GROUPS="Find Bulk" bench/compare.sh
#   JMH_ARGS="-wi 3 -i 5 -f 1" PY_RUNS=7 ROUNDS=3 bench/compare.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH

groups=${BENCH_GROUPS:-"Find ReadLine ReadByte OpenClose Bulk"}
jmh_args=${JMH_ARGS:-"-wi 2 -i 3 -f 1 -w 1s -r 1s"}
py_runs=${PY_RUNS:-5}
rounds=${ROUNDS:-1}
quiet_max=${QUIET_MAX:-45}
out=${OUT:-$here/target/compare-$(date -u +%Y%m%dT%H%M%SZ)}
jar=$here/target/benchmarks.jar
mkdir -p "$out"

if [[ ! -f $jar || -n ${REBUILD:-} ]]; then
  (cd "$root" && mvn -B -ntp -q -pl bench -am -Pbench package -DskipTests)
fi

manifest=$(java -cp "$jar" io.github.mmap4j.bench.BenchFiles)
cat "$(dirname "$manifest")"/*.bin > /dev/null # page cache hot before either side starts

# Waits (at most QUIET_MAX s) until other tenants leave at least 75% of the CPU time idle.
wait_quiet() {
  local i idle1 total1 idle2 total2
  for ((i = 0; i < quiet_max; i++)); do
    read -r _ a b c idle1 rest < /proc/stat
    total1=$((a + b + c + idle1))
    sleep 1
    read -r _ a b c idle2 rest < /proc/stat
    total2=$((a + b + c + idle2))
    if (((idle2 - idle1) * 100 >= (total2 - total1) * 75)); then
      return
    fi
  done
  echo "# machine still busy after $quiet_max s; measuring anyway" >&2
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-) ($(nproc) cores)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD) ($(git -C "$root" log -1 --format=%s | cut -c1-80))"
  echo "jdk: $(java -version 2>&1 | head -1)"
  echo "python: $(python3 --version)"
  echo "jmh args: $jmh_args; cpython runs: $py_runs; rounds: $rounds"
} > "$out/env.txt"
cat "$out/env.txt"

n=0
for ((r = 1; r <= rounds; r++)); do
  for g in $groups; do
    n=$((n + 1))
    tag=r$r-$g
    run_py() { python3 "$here/cpython_bench.py" "$manifest" "$out/cpython-$tag.json" \
      --runs "$py_runs" --only "${g}Benchmark."; }
    # shellcheck disable=SC2086 # jmh_args is a list of words
    run_jmh() { java -jar "$jar" $jmh_args -foe true -rf json -rff "$out/jmh-$tag.json" \
      "io.github.mmap4j.bench.${g}Benchmark" > "$out/jmh-$tag.txt" 2>&1; }
    wait_quiet
    echo "# round $r, $g ($(uptime | sed 's/.*load/load/'))"
    if ((n % 2)); then run_py; run_jmh; else run_jmh; run_py; fi
    grep -A100 '^Benchmark ' "$out/jmh-$tag.txt" | grep -v '^$' || true
  done
done

python3 "$here/ratios.py" "$out"
echo "results in $out"
