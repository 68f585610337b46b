#!/usr/bin/env bash
# Self-attention forward + backward, d = 64, n = 16 … 512: the JMH benchmark of the module
# (jattn.bench.SelfAttentionBenchmark) beside the PyTorch CPU anchor
# ../shared/anchors/torch_attention_micro.py (2 threads, float64), then a table of medians.
#
#   tools/bench/attention.sh                 build target/bench/benchmarks.jar, run both, print the table
#   SKIP_BUILD=1 tools/bench/attention.sh    reuse the jar
#   TORCH_RUNS=5 ...                         anchor runs (default 3; half before JMH, half after)
#   COMPOSED=1 ...                           also time the unfused, composed Tensor operations
#   JMH_ARGS="-wi 3 -i 5" ...                extra JMH options (default: 5 × 1 s warm-up, 10 × 1 s measured)
#   TORCH_ANCHOR=/path/to/anchor.py ...      the anchor, if the checkout is not beside ../shared
#
# Java µs is the median of single calls (JMH sample mode); torch µs is the median over the
# anchor runs of the mean it prints (runs are split before and after JMH, so both sides see the
# same machine). ratio = Java / torch: below 1 the Java module is faster.
# Run it from anywhere; paths are relative to the repository root.
#
# One thread on each side (the compute alone, without either side's threading):
#   java -jar target/bench/benchmarks.jar 'SelfAttentionBenchmark.forwardBackward$' \
#        -jvmArgsAppend -Djattn.gemm.parallelWork=9223372036854775807
#   OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 ../shared/anchors/torch_attention_micro.py
set -euo pipefail
cd "$(dirname "$0")/../.."

ANCHOR=${TORCH_ANCHOR:-../shared/anchors/torch_attention_micro.py}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=target/bench
RUNS=${TORCH_RUNS:-3}

if [[ ! -f $ANCHOR ]]; then
  echo "error: the PyTorch anchor $ANCHOR is missing." >&2
  echo "       It is kept outside the repository, in ../shared/anchors/ beside the repository root ($(pwd));" >&2
  echo "       from a checkout elsewhere, point TORCH_ANCHOR at the file." >&2
  exit 2
fi
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
  echo "error: $PYTHON cannot import torch (on Debian: apt-get install python3-torch; or set PYTHON=...)." >&2
  exit 2
fi

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  echo "building $OUT/benchmarks.jar (mvn -Pbench) ..."
  mvn -q -Pbench -Dmaven.test.skip=true package
fi
mkdir -p "$OUT"
rm -f "$OUT"/torch-*.txt "$OUT"/jmh-attention.*

torch_run() {
  echo "torch anchor, run $1 of $RUNS ..."
  "$PYTHON" "$ANCHOR" | tee "$OUT/torch-$1.txt"
}

BENCH='SelfAttentionBenchmark.forwardBackward$'
[[ ${COMPOSED:-0} == 1 ]] && BENCH='SelfAttentionBenchmark'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
before=$(( (RUNS + 1) / 2 ))
for ((r = 1; r <= before; r++)); do torch_run "$r"; done
echo "JMH ..."
# shellcheck disable=SC2086
java -jar "$OUT/benchmarks.jar" "$BENCH" -rf json -rff "$OUT/jmh-attention.json" ${JMH_ARGS:-} > "$OUT/jmh-attention.log"
grep -E '^(Benchmark|SelfAttention)' "$OUT/jmh-attention.log" | grep -v '·p' || true
for ((r = before + 1; r <= RUNS; r++)); do torch_run "$r"; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PYTHON" - "$OUT" <<'PY'
import glob, json, re, statistics, sys
out = sys.argv[1]
java = {}                                  # (benchmark, n) -> median µs of single calls
for b in json.load(open(f"{out}/jmh-attention.json")):
    name = b["benchmark"].rsplit(".", 1)[1]
    java[(name, int(b["params"]["n"]))] = b["primaryMetric"]["scorePercentiles"]["50.0"]
def runs(pattern):                         # n -> one number per torch run
    found = {}
    for path in sorted(glob.glob(f"{out}/{pattern}")):
        for m in re.finditer(r"n=(\d+) d=\d+ fwd\+bwd (?:median )?([\d.]+) us", open(path).read()):
            found.setdefault(int(m.group(1)), []).append(float(m.group(2)))
    return found
anchor = runs("torch-[0-9]*.txt")
composed = any(k[0] == "composedForwardBackward" for k in java)
print()
print("self-attention forward + backward, d = 64, float64; ratio = Java / torch (< 1: Java faster)")
print("Java: median of single calls (JMH sample mode). torch: the anchor's mean per run, median over runs.")
head = f"{'n':>5} | {'Java µs':>9} | {'torch µs':>9} | {'ratio':>5} | anchor runs (µs)"
if composed: head += " | composed Java µs"
print(head)
print("-" * len(head))
for n in sorted(anchor):
    j, t = java.get(("forwardBackward", n)), statistics.median(anchor[n])
    listed = ", ".join(f"{v:.0f}" for v in anchor[n])
    row = f"{n:>5} | {j:>9.1f} | {t:>9.1f} | {j / t:>5.2f} | {listed}"
    if composed and ("composedForwardBackward", n) in java: row += f" | {java[('composedForwardBackward', n)]:.1f}"
    print(row)
PY
