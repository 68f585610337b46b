#!/usr/bin/env bash
# This machine's float64 peak (jattn.bench.MachinePeak: an FMA loop on the Vector API, 1 and 2
# threads; vCPUs may be hyper-threads of one core) and the matrix product's GFLOP/s at the
# attention and date-model shapes on one thread, as a fraction of that peak
# (jattn.bench.GemmThroughput), beside OpenBLAS's GFLOP/s at the same shapes through torch.mm on
# one thread (tools/bench/torch_attention.py --gemm): what the kernel could reach.
#   tools/bench/peak.sh        ROUNDS=1 by default (each round: peak, Java GEMM, torch GEMM)
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-/usr/bin/python3}
ROUNDS=${ROUNDS:-1}
source tools/bench/torch_check.sh
require_torch "$PYTHON"
source tools/bench/build_jar.sh
J=(java --add-modules=jdk.incubator.vector -cp "$JAR")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
  echo "== round $r of $ROUNDS"
  echo "\$ ${J[*]} jattn.bench.MachinePeak"
  "${J[@]}" jattn.bench.MachinePeak 2> >(grep -v "^WARNING: Using incubator modules" >&2)
  echo "\$ ${J[*]} -Djattn.gemm.parallelWork=9223372036854775807 jattn.bench.GemmThroughput"
  "${J[@]}" -Djattn.gemm.parallelWork=9223372036854775807 jattn.bench.GemmThroughput 2> >(grep -v "^WARNING: Using incubator modules" >&2)
  echo "\$ $PYTHON tools/bench/torch_attention.py --gemm --threads 1"
  "$PYTHON" tools/bench/torch_attention.py --gemm --threads 1
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
