#!/usr/bin/env bash
# Self-attention forward + backward, d = 64, n = 16 … 512, float64: the JMH benchmark of the module
# (jattn.bench.SelfAttentionBenchmark) side by side with the project's PyTorch reference
# tools/bench/torch_attention.py on 1 and on 2 threads, in interleaved rounds, then a table.
#
#   tools/bench/attention.sh                 build target/bench/benchmarks.jar if stale, 3 rounds, the table
#   ROUNDS=5 tools/bench/attention.sh        more rounds (each: torch 1 thread, torch 2 threads, JMH)
#   SKIP_BUILD=1 ...                         reuse the jar as it is
#   JAVA_THREADS=1 ...                       the Java side on one thread (ParallelRows off)
#   COMPOSED=1 ...                           also time the unfused, composed Tensor operations
#   JMH_ARGS="-wi 3 -i 5" ...                JMH options per round (default: 3 × 1 s warm-up, 5 × 1 s measured)
#   TORCH_ANCHOR=/path/torch_attention_micro.py  also run the external anchor (as written, 2 threads) as an extra
#                                            column; found by itself in ../shared/anchors beside the repository
#   ANY_BLAS=1 ...                           measure even if torch runs on the reference BLAS (see torch_blas.py)
#
# Java µs: the median of single calls (JMH sample mode). torch µs: the median over blocks of the
# mean call time (torch_attention.py). Per n: the median over rounds of each, and the median over
# rounds of the per-round ratio Java / torch-best, where torch-best is the faster of 1 and 2
# threads IN THAT ROUND (below 1: the Java module is faster). Only ratios within a round count:
# the machines these run on are shared, and their speed drifts by half over minutes.
# Run it from anywhere; paths are relative to the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-/usr/bin/python3}
OUT=target/bench
ROUNDS=${ROUNDS:-3}
ANCHOR=${TORCH_ANCHOR:-}
if [[ -z $ANCHOR ]]; then
  for d in ../shared ../../shared; do
    [[ -f $d/anchors/torch_attention_micro.py ]] && { ANCHOR=$d/anchors/torch_attention_micro.py; break; }
  done
fi

# shellcheck source=tools/bench/torch_check.sh
source tools/bench/torch_check.sh
require_torch "$PYTHON"
source tools/bench/build_jar.sh

mkdir -p "$OUT"
rm -f "$OUT"/torch-att-*.txt "$OUT"/jmh-attention-*

BENCH='SelfAttentionBenchmark.forwardBackward$'
[[ ${COMPOSED:-0} == 1 ]] && BENCH='SelfAttentionBenchmark'
JVM="--add-modules=jdk.incubator.vector"
[[ ${JAVA_THREADS:-} == 1 ]] && JVM="$JVM -Djattn.gemm.parallelWork=9223372036854775807"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
  echo "== round $r of $ROUNDS"
  for t in 1 2; do
    echo "\$ $PYTHON tools/bench/torch_attention.py --threads $t"
    "$PYTHON" tools/bench/torch_attention.py --threads "$t" | tee "$OUT/torch-att-${t}t-$r.txt"
  done
  if [[ -n $ANCHOR ]]; then
    echo "\$ $PYTHON $ANCHOR   (the external anchor, as written)"
    "$PYTHON" "$ANCHOR" | tee "$OUT/torch-att-anchor-$r.txt"
  fi
  echo "\$ java -jar $OUT/benchmarks.jar '$BENCH' -jvmArgsAppend \"$JVM\" ${JMH_ARGS:--wi 3 -i 5}"
  # shellcheck disable=SC2086
  java -jar "$OUT/benchmarks.jar" "$BENCH" -jvmArgsAppend "$JVM" -rf json -rff "$OUT/jmh-attention-$r.json" ${JMH_ARGS:--wi 3 -i 5} \
    > "$OUT/jmh-attention-$r.log"
  grep -E '^SelfAttention.*p0.50' "$OUT/jmh-attention-$r.log" || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PYTHON" - "$OUT" "$ROUNDS" "${JAVA_THREADS:-2}" <<'PY'
import json, re, statistics, sys
out, rounds, jthreads = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def jmh(r):                                # (benchmark, n) -> median µs of single calls, round r
    found = {}
    for b in json.load(open(f"{out}/jmh-attention-{r}.json")):
        name = b["benchmark"].rsplit(".", 1)[1]
        found[(name, int(b["params"]["n"]))] = b["primaryMetric"]["scorePercentiles"]["50.0"]
    return found
def torch(kind, r):                        # n -> µs, round r
    try: text = open(f"{out}/torch-att-{kind}-{r}.txt").read()
    except FileNotFoundError: return {}
    return {int(m.group(1)): float(m.group(2)) for m in re.finditer(r"n=(\d+) d=\d+ fwd\+bwd ([\d.]+) us", text)}
R = range(rounds)
java = [jmh(r + 1) for r in R]
t1 = [torch("1t", r + 1) for r in R]
t2 = [torch("2t", r + 1) for r in R]
anchor = [torch("anchor", r + 1) for r in R]
med = statistics.median
print()
print(f"self-attention forward + backward, d = 64, float64, {rounds} interleaved rounds; medians over rounds")
print(f"Java: JMH median of single calls (Gemm on {'1 thread' if jthreads == '1' else 'up to 2 threads'});"
      " torch: tools/bench/torch_attention.py, 1t and 2t threads.")
print("ratio = median over rounds of Java / min(torch 1t, torch 2t) of the same round; below 1 the Java module is faster.")
head = f"{'n':>5} | {'Java µs':>8} | {'torch 1t µs':>11} | {'torch 2t µs':>11} | {'ratio':>5} | {'best':>4}"
if all(anchor): head += f" | {'anchor µs':>9}"
head += " | per round: Java / torch-best"
print(head)
print("-" * len(head))
for n in sorted(t1[0]):
    if ("forwardBackward", n) not in java[0]: continue
    j = [java[r][("forwardBackward", n)] for r in R]
    best = [min(t1[r][n], t2[r][n]) for r in R]
    wins = sum(t1[r][n] <= t2[r][n] for r in R)
    row = (f"{n:>5} | {med(j):>8.1f} | {med([t1[r][n] for r in R]):>11.1f} | {med([t2[r][n] for r in R]):>11.1f} | "
           f"{med([j[r] / best[r] for r in R]):>5.2f} | {'1t' if 2 * wins >= rounds else '2t':>4}")
    if all(anchor): row += f" | {med([anchor[r].get(n, float('nan')) for r in R]):>9.1f}"
    row += " | " + "; ".join(f"{j[r]:.0f}/{best[r]:.0f}" for r in R)
    if ("composedForwardBackward", n) in java[0]:
        row += f" | composed {med([java[r][('composedForwardBackward', n)] for r in R]):.1f}"
    print(row)
PY
