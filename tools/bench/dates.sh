#!/usr/bin/env bash
# Time to 99% test exact match on date normalisation (Seq2Seq + Bahdanau attention), Java vs PyTorch.
# Usage: tools/bench/dates.sh [java options key=value ...]     (run from anywhere; e.g. seconds=120 threads=2)
# Env: SKIP_TORCH=1 runs only the Java side; TORCH_ANCHOR=path overrides the PyTorch script.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
ANCHOR="${TORCH_ANCHOR:-}"
if [[ -z "$ANCHOR" ]]; then              # ../shared next to the repository (a worktree sits one level deeper)
  for d in "$ROOT/../shared" "$ROOT/../../shared"; do
    if [[ -f "$d/anchors/torch_date_attention.py" ]]; then ANCHOR="$d/anchors/torch_date_attention.py"; break; fi
  done
  ANCHOR="${ANCHOR:-$ROOT/../shared/anchors/torch_date_attention.py}"
fi

JAR=target/attention-course.jar          # shaded: the module with its dependencies
if [[ ! -f "$JAR" || -n "$(find src/main pom.xml -newer "$JAR" -type f | head -1)" ]]; then
  echo "building the jar (mvn -q -DskipTests package) ..." >&2
  mvn -q -o -DskipTests package || mvn -q -DskipTests package
fi

echo "== Java: java --add-modules=jdk.incubator.vector -cp $JAR jattn.seq2seq.DateBenchmark $*"
JAVA_OUT="$(mktemp)"
java --add-modules=jdk.incubator.vector -cp "$JAR" jattn.seq2seq.DateBenchmark "$@" 2> >(grep -v "^WARNING: Using incubator modules" >&2) | tee "$JAVA_OUT"
JAVA_LINE="$(grep '^java ' "$JAVA_OUT" | tail -1)"

field() { sed -n "s/.*$2=\([^ ]*\).*/\1/p" <<<"$1" | sed 's/s$//'; }
J_T="$(field "$JAVA_LINE" time_to_99)"; J_S="$(field "$JAVA_LINE" 'steps\/s')"

if [[ "${SKIP_TORCH:-0}" == 1 ]]; then echo "(SKIP_TORCH=1: PyTorch side skipped)"; exit 0; fi
if [[ ! -f "$ANCHOR" ]]; then
  echo "error: PyTorch anchor not found at $ANCHOR (set TORCH_ANCHOR=...)" >&2; exit 1
fi
# shellcheck source=tools/bench/torch_check.sh
source tools/bench/torch_check.sh
require_torch /usr/bin/python3
echo "== PyTorch: /usr/bin/python3 $ANCHOR (2 threads)"
TORCH_OUT="$(mktemp)"
/usr/bin/python3 "$ANCHOR" | tee "$TORCH_OUT"
T_T="$(sed -n 's/.*time_to_99=\([^ ]*\).*/\1/p' "$TORCH_OUT" | tail -1)"
T_S="$(grep '^epoch' "$TORCH_OUT" | tail -1 | sed -n 's/.*steps\/s \([0-9.]*\).*/\1/p')"

echo "== comparison (time to 99% test exact match, wall seconds incl. evaluation)"
printf 'java    time_to_99=%ss steps/s=%s\n' "$J_T" "$J_S"
printf 'pytorch time_to_99=%ss steps/s=%s\n' "$T_T" "$T_S"
if [[ "$J_T" =~ ^[0-9.]+$ && "$T_T" =~ ^[0-9.]+$ ]]; then
  awk -v j="$J_T" -v t="$T_T" -v js="$J_S" -v ts="$T_S" \
    'BEGIN { printf "ratio java/pytorch time_to_99=%.3f  steps/s java/pytorch=%.2f\n", j / t, (ts > 0 ? js / ts : 0) }'
else
  echo "ratio: n/a (one side did not reach 99%)"
fi
