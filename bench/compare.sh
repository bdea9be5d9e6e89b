#!/usr/bin/env bash
# Runs CPython's mmap and mmap4j's JMH benchmarks on the same generated files in one run, group
# by group back to back (so both sides see the same machine load), then prints
# CPython-time / mmap4j-time per benchmark. See bench/README.md.
#
#   bench/compare.sh                 # all groups, short JMH settings
#   BENCH_GROUPS="Find Bulk" bench/compare.sh
#   JMH_ARGS="-wi 3 -i 5 -f 1" PY_RUNS=7 bench/compare.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH

groups=${BENCH_GROUPS:-"Find ReadLine ReadByte OpenClose Bulk"}
jmh_args=${JMH_ARGS:-"-wi 2 -i 3 -f 1 -w 1s -r 1s"}
py_runs=${PY_RUNS:-5}
out=${OUT:-$here/target/compare-$(date -u +%Y%m%dT%H%M%SZ)}
jar=$here/target/benchmarks.jar
mkdir -p "$out"

if [[ ! -f $jar || -n ${REBUILD:-} ]]; then
  (cd "$root" && mvn -B -ntp -q -pl bench -am -Pbench package -DskipTests)
fi

manifest=$(java -cp "$jar" io.github.mmap4j.bench.BenchFiles)
cat "$(dirname "$manifest")"/*.bin > /dev/null # page cache hot before either side starts

# Waits (at most 45 s) until the other tenants leave at least 1.5 of the 2 cores idle.
wait_quiet() {
  local i idle1 total1 idle2 total2
  for ((i = 0; i < 45; i++)); do
    read -r _ a b c idle1 rest < /proc/stat
    total1=$((a + b + c + idle1))
    sleep 1
    read -r _ a b c idle2 rest < /proc/stat
    total2=$((a + b + c + idle2))
    if (((idle2 - idle1) * 100 >= (total2 - total1) * 75)); then
      return
    fi
  done
  echo "# machine still busy after 45 s; measuring anyway" >&2
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-) ($(nproc) cores)"
  echo "jdk: $(java -version 2>&1 | head -1)"
  echo "python: $(python3 --version)"
  echo "jmh args: $jmh_args; cpython runs: $py_runs"
} > "$out/env.txt"
cat "$out/env.txt"

n=0
for g in $groups; do
  n=$((n + 1))
  run_py() { python3 "$here/cpython_bench.py" "$manifest" "$out/cpython-$g.json" \
    --runs "$py_runs" --only "${g}Benchmark."; }
  # shellcheck disable=SC2086 # jmh_args is a list of words
  run_jmh() { java -jar "$jar" $jmh_args -foe true -rf json -rff "$out/jmh-$g.json" \
    "io.github.mmap4j.bench.${g}Benchmark" > "$out/jmh-$g.txt"; }
  wait_quiet
  if ((n % 2)); then run_py; run_jmh; else run_jmh; run_py; fi
  grep -A100 '^Benchmark ' "$out/jmh-$g.txt" | grep -v '^$' || true
done

python3 "$here/ratios.py" "$out/ratios.md" "$out"/cpython-*.json -- "$out"/jmh-*.json
echo "results in $out"
