#!/usr/bin/env bash
# Self-attention forward + backward, d = 64, n = 16 … 512: the JMH benchmark of the module
# (jattn.bench.SelfAttentionBenchmark) side by side with the PyTorch CPU anchor
# ../shared/anchors/torch_attention_micro.py (float64), in interleaved rounds, then a table.
#
#   tools/bench/attention.sh                 build target/bench/benchmarks.jar, run 3 rounds, print the table
#   ROUNDS=5 tools/bench/attention.sh        more rounds (each: torch 2 threads, torch 1 thread, JMH; ~1 min)
#   SKIP_BUILD=1 ...                         reuse the jar
#   ONE_THREAD=0 ...                         skip the one-thread torch run
#   COMPOSED=1 ...                           also time the unfused, composed Tensor operations
#   JMH_ARGS="-wi 3 -i 5" ...                JMH options per round (default: 3 × 1 s warm-up, 5 × 1 s measured)
#   TORCH_ANCHOR=/path/to/anchor.py ...      the anchor, if the checkout is not beside ../shared
#   ANY_BLAS=1 ...                           measure even if torch runs on the reference BLAS (see torch_blas.py)
#
# A round runs the anchor as written (torch.set_num_threads(2)), the anchor's own source with
# torch.set_num_threads(1) (the compute alone, without torch's threading; the anchor file is
# read, not copied), and JMH, back to back, so all three see the same machine; the machines
# these run on are shared, and their speed drifts by half over minutes. Java µs is the median
# of single calls (JMH sample mode); torch µs is the mean the anchor prints. The table gives,
# per n, the median over rounds of each, and the median over rounds of the per-round ratio
# Java / torch (below 1: the Java module is faster).
#
# The Java side on one thread (JMH's -jvmArgsAppend replaces the annotation's, so repeat the
# module option; the benchmark refuses to measure the scalar kernel by accident):
#   java -jar target/bench/benchmarks.jar 'SelfAttentionBenchmark.forwardBackward$' \
#        -jvmArgsAppend "--add-modules=jdk.incubator.vector -Djattn.gemm.parallelWork=9223372036854775807"
# Run it from anywhere; paths are relative to the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."

ANCHOR=${TORCH_ANCHOR:-../shared/anchors/torch_attention_micro.py}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=target/bench
ROUNDS=${ROUNDS:-3}

if [[ ! -f $ANCHOR ]]; then
  echo "error: the PyTorch anchor $ANCHOR is missing." >&2
  echo "       It is kept outside the repository, in ../shared/anchors/ beside the repository root ($(pwd));" >&2
  echo "       from a checkout elsewhere, point TORCH_ANCHOR at the file." >&2
  exit 2
fi
# shellcheck source=tools/bench/torch_check.sh
source tools/bench/torch_check.sh
require_torch "$PYTHON"
if ! grep -q 'torch.set_num_threads(2)' "$ANCHOR"; then
  echo "error: $ANCHOR no longer calls torch.set_num_threads(2); the one-thread run cannot be derived from it." >&2
  exit 2
fi

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  echo "building $OUT/benchmarks.jar (mvn -Pbench) ..."
  mvn -q -Pbench -Dmaven.test.skip=true package
fi
mkdir -p "$OUT"
rm -f "$OUT"/torch-*.txt "$OUT"/jmh-attention-*

BENCH='SelfAttentionBenchmark.forwardBackward$'
[[ ${COMPOSED:-0} == 1 ]] && BENCH='SelfAttentionBenchmark'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
  echo "== round $r of $ROUNDS"
  echo "torch anchor (2 threads, as written) ..."
  "$PYTHON" "$ANCHOR" | tee "$OUT/torch-2t-$r.txt"
  if [[ ${ONE_THREAD:-1} == 1 ]]; then
    echo "torch anchor with torch.set_num_threads(1) ..."
    "$PYTHON" - "$ANCHOR" <<'PY' | tee "$OUT/torch-1t-$r.txt"
import sys
source = open(sys.argv[1]).read().replace("torch.set_num_threads(2)", "torch.set_num_threads(1)")
exec(compile(source, sys.argv[1], "exec"))
PY
  fi
  echo "JMH ..."
  # shellcheck disable=SC2086
  java -jar "$OUT/benchmarks.jar" "$BENCH" -rf json -rff "$OUT/jmh-attention-$r.json" ${JMH_ARGS:--wi 3 -i 5} \
    > "$OUT/jmh-attention-$r.log"
  grep -E '^SelfAttention.*p0.50' "$OUT/jmh-attention-$r.log" || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PYTHON" - "$OUT" "$ROUNDS" <<'PY'
import json, re, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def jmh(r):                                # (benchmark, n) -> median µs of single calls, round r
    found = {}
    for b in json.load(open(f"{out}/jmh-attention-{r}.json")):
        name = b["benchmark"].rsplit(".", 1)[1]
        found[(name, int(b["params"]["n"]))] = b["primaryMetric"]["scorePercentiles"]["50.0"]
    return found
def torch(kind, r):                        # n -> µs, round r
    try: text = open(f"{out}/torch-{kind}-{r}.txt").read()
    except FileNotFoundError: return {}
    return {int(m.group(1)): float(m.group(2)) for m in re.finditer(r"n=(\d+) d=\d+ fwd\+bwd ([\d.]+) us", text)}
java = [jmh(r) for r in range(1, rounds + 1)]
t2 = [torch("2t", r) for r in range(1, rounds + 1)]
t1 = [torch("1t", r) for r in range(1, rounds + 1)]
one = all(t1)
med = statistics.median
print()
print(f"self-attention forward + backward, d = 64, float64, {rounds} interleaved rounds; medians over rounds")
print("Java: JMH median of single calls. torch 2t: the anchor as written; torch 1t: the anchor with one thread.")
print("ratio = median over rounds of (Java / torch) in the same round; below 1 the Java module is faster.")
head = f"{'n':>5} | {'Java µs':>8} | {'torch 2t µs':>11} | {'ratio 2t':>8}"
if one: head += f" | {'torch 1t µs':>11} | {'ratio 1t':>8}"
head += " | per-round Java / torch 2t" + (" / torch 1t" if one else "")
composed = any(k[0] == "composedForwardBackward" for k in java[0])
if composed: head += " | composed Java µs"
print(head)
print("-" * len(head))
for n in sorted(t2[0]):
    j = [java[r][("forwardBackward", n)] for r in range(rounds)]
    a = [t2[r][n] for r in range(rounds)]
    row = f"{n:>5} | {med(j):>8.1f} | {med(a):>11.1f} | {med([j[r] / a[r] for r in range(rounds)]):>8.2f}"
    if one:
        b = [t1[r][n] for r in range(rounds)]
        row += f" | {med(b):>11.1f} | {med([j[r] / b[r] for r in range(rounds)]):>8.2f}"
    row += " | " + "; ".join(f"{j[r]:.0f}/{a[r]:.0f}" + (f"/{t1[r][n]:.0f}" if one else "") for r in range(rounds))
    if composed: row += f" | {med([java[r][('composedForwardBackward', n)] for r in range(rounds)]):.1f}"
    print(row)
PY
