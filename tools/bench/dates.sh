#!/usr/bin/env bash
# Time to 99% VALIDATION exact match on date normalisation (Seq2Seq + Bahdanau attention), Java against
# the PyTorch anchor, in alternating rounds so that every side sees the same machine:
#   per round and per recipe: Java (jattn.bench.DateBenchmark), the anchor on 1 thread, the anchor on 2 threads
#   recipe "java"  : the Java defaults, peak η 6e-3 after 20 warm-up updates (anchor: --lr 6e-3 --warmup 20)
#   recipe "anchor": the anchor's defaults, constant η 3e-3, no warm-up       (Java: lr=3e-3 warmup=0)
# Both sides evaluate the validation set every 25 updates inline (its time counts), stop at 99 %, then
# score the test set once. Printed per recipe: the medians of time_to_99 and the median of the per-round
# ratios Java / PyTorch against PyTorch's best thread setting (the one with the lower median).
# Usage: tools/bench/dates.sh [java options key=value ...]   (appended to both recipes, e.g. maxUpdates=50)
# Env: ROUNDS (3); SKIP_TORCH=1 runs only the Java side; TORCH_ANCHOR=path overrides the anchor;
#      JAVA_CORES=N runs Java with -XX:ActiveProcessorCount=N; RECIPES="java anchor" (or one of them).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
ROUNDS="${ROUNDS:-3}"
RECIPES="${RECIPES:-java anchor}"
ANCHOR="${TORCH_ANCHOR:-}"
if [[ -z "$ANCHOR" ]]; then              # ../shared next to the repository (a worktree sits one level deeper)
  for d in "$ROOT/../shared" "$ROOT/../../shared"; do
    if [[ -f "$d/anchors/torch_date_attention.py" ]]; then ANCHOR="$d/anchors/torch_date_attention.py"; break; fi
  done
  ANCHOR="${ANCHOR:-$ROOT/../shared/anchors/torch_date_attention.py}"
fi

JAR=target/bench/benchmarks.jar          # the bench profile: the module, src/bench and EJML in one jar
if [[ ! -f "$JAR" || -n "$(find src/main src/bench pom.xml -newer "$JAR" -type f | head -1)" ]]; then
  echo "building $JAR (mvn -q -Pbench -Dmaven.test.skip=true package) ..." >&2
  mvn -q -o -Pbench -Dmaven.test.skip=true package || mvn -q -Pbench -Dmaven.test.skip=true package
fi
JAVA_FLAGS=(--add-modules=jdk.incubator.vector)
[[ -n "${JAVA_CORES:-}" ]] && JAVA_FLAGS+=("-XX:ActiveProcessorCount=$JAVA_CORES")

if [[ "${SKIP_TORCH:-0}" != 1 ]]; then
  if [[ ! -f "$ANCHOR" ]]; then echo "error: PyTorch anchor not found at $ANCHOR (set TORCH_ANCHOR=...)" >&2; exit 1; fi
  # shellcheck source=tools/bench/torch_check.sh
  source tools/bench/torch_check.sh
  require_torch /usr/bin/python3
fi

java_args() { if [[ $1 == anchor ]]; then echo "lr=3e-3 warmup=0"; fi; }           # "java": the defaults
torch_args() { if [[ $1 == java ]]; then echo "--lr 6e-3 --warmup 20"; fi; }       # "anchor": its defaults
field() { sed -n "s/.*[ ]$2=\([^ ]*\).*/\1/p" <<<"$3" | tail -1 | sed 's/s$//'; }
RESULTS="$(mktemp)"                     # lines: recipe side round time_to_99 steps/s
for ((r = 1; r <= ROUNDS; r++)); do
  for recipe in $RECIPES; do
    # shellcheck disable=SC2046
    echo "== round $r, recipe $recipe: java ${JAVA_FLAGS[*]} -cp $JAR jattn.bench.DateBenchmark $(java_args "$recipe") $*"
    # shellcheck disable=SC2046
    line="$(java "${JAVA_FLAGS[@]}" -cp "$JAR" jattn.bench.DateBenchmark $(java_args "$recipe") "$@" \
            2> >(grep -v "^WARNING: Using incubator modules" >&2) | tee >(cat >&2) | grep '^java ' | tail -1)"
    echo "$recipe java $r $(field "" time_to_99 "$line") $(field "" 'steps\/s' "$line")" >>"$RESULTS"
    if [[ "${SKIP_TORCH:-0}" == 1 ]]; then continue; fi
    for threads in 1 2; do
      # shellcheck disable=SC2046
      echo "== round $r, recipe $recipe: /usr/bin/python3 $ANCHOR --threads $threads $(torch_args "$recipe")"
      # shellcheck disable=SC2046
      out="$(/usr/bin/python3 "$ANCHOR" --threads "$threads" $(torch_args "$recipe") | tee >(cat >&2))"
      last="$(grep '^torch ' <<<"$out" | tail -1)"
      rate="$(grep '^epoch' <<<"$out" | tail -1 | sed -n 's/.*steps\/s \([0-9.]*\).*/\1/p')"
      echo "$recipe torch$threads $r $(field "" time_to_99 "$last") ${rate:-None}" >>"$RESULTS"
    done
  done
done
[[ "${SKIP_TORCH:-0}" == 1 ]] && echo "(SKIP_TORCH=1: PyTorch side skipped)"

echo "== summary: time to 99% validation exact match (wall seconds, evaluation included), medians over $ROUNDS round(s)"
awk '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " "); if (n == 0) return "n/a"
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { key = $1 SUBSEP $2; if ($4 ~ /^[0-9.]+$/) { times[key] = times[key] " " $4; t[$1, $2, $3] = $4 } else missed[key]++
    if ($5 ~ /^[0-9.]+$/) rates[key] = rates[key] " " $5
    recipes[$1] = 1; sides[$2] = 1; rounds[$3] = 1 }
  END {
    for (rc in recipes) {
      printf "recipe %-6s", rc
      best = ""; bestMedian = 1e99
      for (s in sides) {
        key = rc SUBSEP s; m = median(times[key])
        printf "  %s %ss (steps/s %s%s)", s, m, median(rates[key]), (missed[key] ? ", " missed[key] " run(s) missed 99%" : "")
        if (s != "java" && m != "n/a" && m + 0 < bestMedian) { bestMedian = m + 0; best = s }
      }
      printf "\n"
      if (best != "") {
        ratios = ""
        for (r in rounds) if ((rc, "java", r) in t && (rc, best, r) in t) ratios = ratios " " t[rc, "java", r] / t[rc, best, r]
        printf "recipe %-6s  median per-round ratio java/%s (PyTorch'"'"'s best thread setting) = %s\n", rc, best, median(ratios)
      }
    }
  }' "$RESULTS"
