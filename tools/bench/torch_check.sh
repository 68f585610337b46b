# Sourced by the benchmark scripts: require_torch PYTHON stops the script unless PYTHON imports
# torch and torch multiplies with an optimised BLAS (tools/bench/torch_blas.py; ANY_BLAS=1 allows
# the reference BLAS anyway), and prints which BLAS it is, so every run records its anchor.
require_torch() {
  local python=$1 blas
  if ! "$python" -c 'import torch' 2>/dev/null; then
    echo "error: $python cannot import torch. Install the anchor's packages with ./course bench," >&2
    echo "       or: sudo apt-get install python3-torch libopenblas0-pthread (or set PYTHON=...)." >&2
    exit 2
  fi
  if blas=$("$python" "$(dirname "${BASH_SOURCE[0]}")/torch_blas.py"); then
    echo "anchor: $blas"
  elif [[ ${ANY_BLAS:-0} == 1 ]]; then
    echo "anchor: $blas (ANY_BLAS=1: measuring against it anyway; its products are several times slower than OpenBLAS)"
  else
    echo "error: $blas: the reference BLAS. That anchor is several times slower than" >&2
    echo "       PyTorch with OpenBLAS; install it (sudo apt-get install libopenblas0-pthread, or ./course bench)," >&2
    echo "       or set ANY_BLAS=1 to measure against the reference BLAS anyway." >&2
    exit 2
  fi
}
