#!/usr/bin/env bash
# One training step of the date model (Seq2Seq + Bahdanau, batch 64, E = 32, H = 64: zeroGrad,
# teacher-forced loss, backward, clip, Adam), Java (JMH jattn.bench.Seq2SeqStepBenchmark, median
# of single calls) against the time per update of PyTorch's own step loop
# (tools/bench/torch_dates.py --step-loop N: the same 16 fixed batches, 30 warm-up updates, the
# median of 5 blocks), on 1 and 2 threads, in alternating rounds; then the ratio Java / PyTorch-best
# per round (PyTorch-best: the faster thread setting in that round) and its median.
#   tools/bench/step.sh            3 rounds      ROUNDS=5 ...   STEPS=300 (torch updates timed per round)
#   JMH_ARGS="-wi 5 -i 5" ...      JMH options (default 5 × 1 s warm-up, 5 × 1 s measured)
#   JAVA_THREADS=1 ...             the Java side on one thread (ParallelRows off)
#   TORCH_THREADS="1" ...          only these torch thread settings (default "1 2"; the best of them counts)
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=target/bench
ROUNDS=${ROUNDS:-3}
STEPS=${STEPS:-200}
source tools/bench/torch_check.sh
require_torch "$PYTHON"
source tools/bench/build_jar.sh
mkdir -p "$OUT"
rm -f "$OUT"/step-*.txt "$OUT"/jmh-step-*
JVM="--add-modules=jdk.incubator.vector"
[[ ${JAVA_THREADS:-} == 1 ]] && JVM="$JVM -Djattn.gemm.parallelWork=9223372036854775807"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
  echo "== round $r of $ROUNDS"
  for t in ${TORCH_THREADS:-1 2}; do
    echo "\$ $PYTHON tools/bench/torch_dates.py --step-loop $STEPS --threads $t"
    "$PYTHON" tools/bench/torch_dates.py --step-loop "$STEPS" --threads "$t" | tee "$OUT/step-torch-${t}t-$r.txt"
  done
  echo "\$ java -jar $OUT/benchmarks.jar 'Seq2SeqStepBenchmark' -jvmArgsAppend \"$JVM\" ${JMH_ARGS:--wi 5 -i 5}"
  # shellcheck disable=SC2086
  java -jar "$OUT/benchmarks.jar" 'Seq2SeqStepBenchmark' -jvmArgsAppend "$JVM" -rf json -rff "$OUT/jmh-step-$r.json" ${JMH_ARGS:--wi 5 -i 5} \
    > "$OUT/jmh-step-$r.log"
  grep -E '^Seq2SeqStep.*p0.50' "$OUT/jmh-step-$r.log" || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PYTHON" - "$OUT" "$ROUNDS" <<'PY'
import json, re, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
R = range(1, rounds + 1)
java = [json.load(open(f"{out}/jmh-step-{r}.json"))[0]["primaryMetric"]["scorePercentiles"]["50.0"] for r in R]
def torch(t, r):
    try: return float(re.search(r"update_us=([\d.]+)", open(f"{out}/step-torch-{t}t-{r}.txt").read()).group(1))
    except FileNotFoundError: return float("inf")       # that thread setting was not run (TORCH_THREADS)
t1, t2 = [torch(1, r) for r in R], [torch(2, r) for r in R]
best = [min(a, b) for a, b in zip(t1, t2)]
ratios = [j / b for j, b in zip(java, best)]
med = statistics.median
print(f"\none training step of the date model (batch 64, E 32, H 64, Bahdanau), {rounds} alternating rounds; medians, µs per update")
us = lambda xs: "not run" if med(xs) == float("inf") else f"{med(xs):.0f}"
print(f"Java (JMH median of single calls) {med(java):.0f} | torch 1t {us(t1)} | torch 2t {us(t2)} | "
      f"median per-round ratio Java / torch-best {med(ratios):.2f} (goal ≤ 0.5)")
print("per round Java/torch1t/torch2t: " + "; ".join(f"{j:.0f}/{a:.0f}/{b:.0f}".replace("inf", "-") for j, a, b in zip(java, t1, t2)))
PY
