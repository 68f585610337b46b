"""The step of ../shared/anchors/torch_attention_micro.py, timed call by call.

Same computation and settings as the anchor (PyTorch CPU, 2 threads, float64, seed 0, d = 64,
20 warm-up steps, max(20, 20000 / n) timed steps), but it prints the median of single steps
instead of the mean, the statistic JMH's sample mode gives for the Java side: on a busy machine
a few preempted steps move the mean a long way and the median hardly at all.

An optional argument sets the number of threads (default 2, as the anchor), e.g. one thread:
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 tools/bench/torch_attention_median.py 1"""
import statistics, sys, time, torch
torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2); torch.manual_seed(0)
d = 64
for n in (16, 64, 128, 256, 512):
    X = torch.randn(n, d, dtype=torch.float64)
    W = [torch.randn(d, d, dtype=torch.float64, requires_grad=True) for _ in range(3)]
    def step():
        Q, K, V = X @ W[0], X @ W[1], X @ W[2]
        A = torch.softmax(Q @ K.T / d ** 0.5, dim=-1)
        (A @ V).sum().backward()
    for _ in range(20): step()
    times = []
    for _ in range(max(20, int(20000 / n))):
        t = time.perf_counter(); step(); times.append(time.perf_counter() - t)
    print(f"n={n} d={d} fwd+bwd median {1e6 * statistics.median(times):.1f} us")
