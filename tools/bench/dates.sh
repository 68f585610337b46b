#!/usr/bin/env bash
# Time to 99 % VALIDATION exact match on date normalisation (Seq2Seq + Bahdanau attention), Java
# (jattn.bench.DateBenchmark) against the project's PyTorch reference tools/bench/torch_dates.py,
# in alternating rounds so that every side sees the same machine:
#   per round and per recipe: Java, the reference on 1 thread, the reference on 2 threads
#   (and the external anchor ../shared/anchors/torch_date_attention.py on 1 thread, if found)
#   recipe "java"  : the Java defaults, peak η 6e-3 after 20 warm-up updates
#   recipe "anchor": the anchor's defaults, constant η 3e-3, no warm-up
# Both sides read the same dates (datasets/dates), evaluate the validation set every 25 updates
# INLINE on the training thread (exact match and the teacher-forced validation loss, chunks of
# 250; its time counts), stop at 99 %, then score the test set once (untimed).
# Printed per recipe: the medians of time_to_99 and of the updates it took, and the median of the
# per-round ratios Java / PyTorch-best, PyTorch-best being the faster of 1 and 2 threads in that round.
# Usage: tools/bench/dates.sh [java options key=value ...]   (appended to both recipes, e.g. seed=1)
# Env: ROUNDS (3); RECIPES="java anchor" (or one of them); SKIP_TORCH=1 runs only the Java side;
#      TORCH_ANCHOR=path: the external anchor (optional column); NO_ANCHOR=1 skips it;
#      JAVA_CORES=N runs Java with -XX:ActiveProcessorCount=N; SEED=s for both sides (default 0);
#      TORCH_THREADS="1" runs only these thread settings of the reference (default "1 2");
#      TORCH_EXTRA="--max-updates 50" more options for the reference (e.g. with java maxUpdates=50).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
ROUNDS="${ROUNDS:-3}"
RECIPES="${RECIPES:-java anchor}"
SEED="${SEED:-0}"
ANCHOR="${TORCH_ANCHOR:-}"
if [[ -z $ANCHOR && ${NO_ANCHOR:-0} != 1 ]]; then      # ../shared next to the repository (a worktree sits one level deeper)
  for d in "$ROOT/../shared" "$ROOT/../../shared"; do
    [[ -f $d/anchors/torch_date_attention.py ]] && { ANCHOR="$d/anchors/torch_date_attention.py"; break; }
  done
fi
[[ ${NO_ANCHOR:-0} == 1 ]] && ANCHOR=""

source tools/bench/build_jar.sh
JAVA_FLAGS=(--add-modules=jdk.incubator.vector "@$ROOT/src/main/jvm/jit.options")   # the kernel's JIT options
[[ -n "${JAVA_CORES:-}" ]] && JAVA_FLAGS+=("-XX:ActiveProcessorCount=$JAVA_CORES")
if [[ "${SKIP_TORCH:-0}" != 1 ]]; then
  # shellcheck source=tools/bench/torch_check.sh
  source tools/bench/torch_check.sh
  require_torch /usr/bin/python3
fi

java_args() { if [[ $1 == anchor ]]; then echo "lr=3e-3 warmup=0"; fi; }
torch_args() { if [[ $1 == anchor ]]; then echo "--lr 3e-3 --warmup 0"; else echo "--lr 6e-3 --warmup 20"; fi; }
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2" | tail -1 | sed 's/s$//'; }
RESULTS="$(mktemp)"                     # lines: recipe side round time_to_99 updates
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
  for recipe in $RECIPES; do
    # shellcheck disable=SC2046
    echo "== round $r, recipe $recipe: java ${JAVA_FLAGS[*]} -cp $JAR jattn.bench.DateBenchmark seed=$SEED $(java_args "$recipe") $*"
    # shellcheck disable=SC2046
    line="$(java "${JAVA_FLAGS[@]}" -cp "$JAR" jattn.bench.DateBenchmark seed="$SEED" $(java_args "$recipe") "$@" \
            2> >(grep -v "^WARNING: Using incubator modules" >&2) | tee >(cat >&2) | grep '^java ' | tail -1)"
    echo "$recipe java $r $(field time_to_99 "$line") $(field steps "$line")" >>"$RESULTS"
    [[ "${SKIP_TORCH:-0}" == 1 ]] && continue
    for threads in ${TORCH_THREADS:-1 2}; do
      # shellcheck disable=SC2046
      echo "== round $r, recipe $recipe: /usr/bin/python3 tools/bench/torch_dates.py --threads $threads --seed $SEED $(torch_args "$recipe") ${TORCH_EXTRA:-}"
      # shellcheck disable=SC2046
      last="$(/usr/bin/python3 tools/bench/torch_dates.py --threads "$threads" --seed "$SEED" $(torch_args "$recipe") ${TORCH_EXTRA:-} | tee >(cat >&2) | grep '^torch-ref ' | tail -1)"
      echo "$recipe torch${threads}t $r $(field time_to_99 "$last") $(field steps "$last")" >>"$RESULTS"
    done
    if [[ -n $ANCHOR ]]; then
      # shellcheck disable=SC2046
      echo "== round $r, recipe $recipe: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 $ANCHOR --threads 1 $(torch_args "$recipe")   (external anchor)"
      # shellcheck disable=SC2046
      last="$(OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$ANCHOR" --threads 1 $(torch_args "$recipe") | tee >(cat >&2) | grep '^torch ' | tail -1)"
      echo "$recipe anchor1t $r $(field time_to_99 "$last") $(field steps "$last")" >>"$RESULTS"
    fi
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$RESULTS" "$ROUNDS" <<'PY'
import collections, statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
rounds = int(sys.argv[2])
t = collections.defaultdict(dict)      # (recipe, side) -> round -> (time or None, updates)
for recipe, side, r, time, updates in (row + ["None"] * (5 - len(row)) for row in rows):
    t[recipe, side][int(r)] = (float(time) if time not in ("None", "") else None, updates)
med = lambda xs: statistics.median(xs) if xs else float("nan")
print(f"\ntime to 99 % validation exact match (wall s, inline evaluations included), {rounds} alternating round(s); medians")
print("sides: java = DateBenchmark; torch1t/torch2t = tools/bench/torch_dates.py --threads 1/2; anchor1t = the external anchor")
for recipe in dict.fromkeys(k[0] for k in t):
    sides = [s for s in ("java", "torch1t", "torch2t", "anchor1t") if (recipe, s) in t]
    parts = []
    for s in sides:
        times = [v[0] for v in t[recipe, s].values() if v[0] is not None]
        ups = [int(v[1]) for v in t[recipe, s].values() if v[1].isdigit()]
        missed = sum(v[0] is None for v in t[recipe, s].values())
        parts.append(f"{s} {med(times):.1f} s, {med(ups):.0f} updates" + (f" ({missed} missed 99 %)" if missed else ""))
    print(f"recipe {recipe:<6}: " + "; ".join(parts))
    ratios, best_side = [], collections.Counter()
    for r in range(1, rounds + 1):
        j = t[recipe, "java"].get(r, (None,))[0]
        cand = [(t[recipe, s][r][0], s) for s in ("torch1t", "torch2t") if r in t.get((recipe, s), {}) and t[recipe, s][r][0]]
        if j and cand:
            b, s = min(cand)
            ratios.append(j / b)
            best_side[s] += 1
    if ratios:
        print(f"recipe {recipe:<6}: median per-round ratio Java / PyTorch-best = {med(ratios):.2f} "
              f"(rounds: {', '.join(f'{x:.2f}' for x in ratios)}; best setting {dict(best_side)})")
PY
