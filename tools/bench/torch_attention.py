"""The project's own PyTorch reference for the self-attention micro-benchmark
(jattn.bench.SelfAttentionBenchmark): one forward and backward pass, float64, CPU,
  X (n×d) ~ N(0, 1), no gradient; Wq, Wk, Wv (d×d) ~ N(0, 1), d = 64
  Q = X·Wq, K = X·Wk, V = X·Wv      (n×d)·(d×d) → (n×d)
  A = softmax(Q·Kᵀ/√d)              (n×d)·(d×n) → (n×n), row-wise
  L = Σ A·V                         (n×n)·(n×d) → (n×d), summed; backward to Wq, Wk, Wv

Timing: per n, 30 warm-up calls, then BLOCKS blocks of calls (each about 0.2 s of work); the µs
printed is the median over the blocks of the mean call time in a block (robust to a shared
machine's bursts, like JMH's median).

  /usr/bin/python3 tools/bench/torch_attention.py [--threads 1] [--n 16,32,64,128,256,512]
  → "torch-ref threads=1 n=128 d=64 fwd+bwd 412.3 us"

  /usr/bin/python3 tools/bench/torch_attention.py --gemm [--threads 1]
  → torch.mm's GFLOP/s (OpenBLAS) at the attention and date-model shapes, the same list as
    jattn.bench.GemmThroughput: "torch-ref gemm (m×k)·(k×n) op GFLOP/s …"
"""
import os
import sys

# torch.set_num_threads does not reach OpenBLAS's own pthreads (Debian's torch calls dgemm_ of
# libopenblas0-pthread, which starts one thread per core): with --threads 1 and two busy
# OpenBLAS threads on a loaded machine the products ran up to 10× slower (0.5 against 5 GFLOP/s
# at 128×64·64×64). So OPENBLAS_NUM_THREADS follows --threads unless it is set already.
_threads = sys.argv[sys.argv.index("--threads") + 1] if "--threads" in sys.argv else "1"
os.environ.setdefault("OPENBLAS_NUM_THREADS", _threads)

import argparse
import statistics
import time

import torch

D = 64
BLOCKS = 7

# (name, m, k, n, op): C (m×n) = op(A)·op(B); op in NN, NT (B stored n×k), TN (A stored k×m).
# The attention shapes at n = 128 and 512 (d = 64) and the date model's (batch 64, H = 64, E = 32):
GEMM_SHAPES = [
    ("attn X·W       n=128", 128, 64, 64, "NN"),
    ("attn Q·Kᵀ      n=128", 128, 64, 128, "NT"),
    ("attn A·V       n=128", 128, 128, 64, "NN"),
    ("attn Xᵀ·dQ     n=128", 64, 128, 64, "TN"),
    ("attn Q·Kᵀ      n=512", 512, 64, 512, "NT"),
    ("attn A·V       n=512", 512, 512, 64, "NN"),
    ("dates enc x·Wx (B·T)", 64 * 24, 32, 192, "NN"),
    ("dates GRU s·Wh", 64, 64, 192, "NN"),
    ("dates dec [e;c]·Wx", 64, 96, 192, "NN"),
    ("dates dec dWx", 96, 64, 192, "TN"),
]


def block_median(call, target_seconds=0.2):
    for _ in range(30):
        call()
    t = time.perf_counter()
    call()
    reps = max(5, int(target_seconds / max(time.perf_counter() - t, 1e-7)))
    times = []
    for _ in range(BLOCKS):
        t = time.perf_counter()
        for _ in range(reps):
            call()
        times.append((time.perf_counter() - t) / reps)
    return statistics.median(times)


def attention(ns, threads):
    torch.manual_seed(0)
    for n in ns:
        x = torch.randn(n, D, dtype=torch.float64)
        w = [torch.randn(D, D, dtype=torch.float64, requires_grad=True) for _ in range(3)]

        def step():
            for p in w:
                p.grad = None
            q, k, v = x @ w[0], x @ w[1], x @ w[2]
            a = torch.softmax(q @ k.T / D ** 0.5, dim=-1)
            (a @ v).sum().backward()

        print(f"torch-ref threads={threads} n={n} d={D} fwd+bwd {1e6 * block_median(step):.1f} us", flush=True)


def gemm(threads):
    torch.manual_seed(0)
    for name, m, k, n, op in GEMM_SHAPES:
        a = torch.randn(*((k, m) if op[0] == "T" else (m, k)), dtype=torch.float64)
        b = torch.randn(*((n, k) if op[1] == "T" else (k, n)), dtype=torch.float64)
        c = torch.empty(m, n, dtype=torch.float64)
        aa = a.T if op[0] == "T" else a
        bb = b.T if op[1] == "T" else b
        sec = block_median(lambda: torch.mm(aa, bb, out=c), 0.1)
        print(f"torch-ref gemm threads={threads} {name:<22} ({m}×{k})·({k}×{n}) {op} "
              f"{2.0 * m * n * k / sec / 1e9:.2f} GFLOP/s {1e6 * sec:.1f} us", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--n", default="16,32,64,128,256,512")
    ap.add_argument("--gemm", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    print(f"torch-ref torch {torch.__version__}, torch threads {a.threads}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")
    if a.gemm:
        gemm(a.threads)
    else:
        attention([int(v) for v in a.n.split(",")], a.threads)


if __name__ == "__main__":
    main()
