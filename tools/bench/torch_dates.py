"""The project's own PyTorch reference for the date benchmark: the model and task of
jattn.experiments.DateTask / jattn.bench.DateBenchmark, on the shipped data
datasets/dates/{train,valid,test}.csv (the files DateDataset.generate() writes), float32 as the
anchor, CPU.

  model   source characters → Emb (|V_src|×E, E = 32, padding id 0) → GRU encoder (H = 64) over
          the valid positions only (packed), hs (B×T×H), s₀ = the last valid state;
          decoder step t = 1…10 (teacher forcing: y_{t-1} the true previous token, y₀ = <bos>):
            e_{t,i} = vᵀ tanh(s_{t-1}·Wq + h_i·Wk + b)   (B×T), −∞ at padding
            α_t = softmax_i e_{t,i};  c_t = Σ_i α_{t,i} h_i                      (B×H)
            s_t = GRUCell([Emb(y_{t-1}) ; c_t], s_{t-1})                        (B×(E+H)) → (B×H)
            logits_t = [s_t ; c_t]·W + b                                         (B×2H) → (B×|V_tgt|)
  loss    mean cross-entropy over the 10 target characters
  recipe  Adam (β 0.9/0.999, ε 1e-8), η(s) = η·(s+1)/W for s < W then η, clip the global norm
          at 1.0, shuffled batches of 64
  run     every --eval-every updates (25), INLINE and timed as Java's TrainToTarget: greedy exact
          match on the 1 000 validation dates and their teacher-forced mean loss (chunks of 250);
          stop at --target (0.99) or --max-updates; then the test exact match, once, untimed.

Modes:
  /usr/bin/python3 tools/bench/torch_dates.py [--threads T] [--lr 6e-3] [--warmup 20] [--seed 0]
      time to 99 %: one line per evaluation, then
      "torch-ref threads=T steps=N time_to_99=S valid_exact_match=… test_exact_match=… update_us=…"
  /usr/bin/python3 tools/bench/torch_dates.py --step-loop 200 [--threads T]
      time per update from a loop of its own: the first 16 batches of 64 of train.csv, cycled
      (as jattn.bench.Seq2SeqStepBenchmark), 30 warm-up updates, then --step-loop updates timed
      in 5 blocks; prints "torch-ref step threads=T update_us=<median of the blocks> blocks=…"
Options: --no-valid-loss skips the validation loss (the anchor's evaluation: exact match only).
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
import csv
import random
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
E, H, B, TARGET_LENGTH, EVAL_BATCH = 32, 64, 64, 10, 250


def read(split):
    with open(os.path.join(ROOT, "datasets", "dates", f"{split}.csv"), newline="") as f:
        return [(row["human"], row["iso"]) for row in csv.DictReader(f)]


class Vocab:
    """Source ids: 0 = padding, then the training characters; target ids: 0 = <bos>, then 0-9 and '-'."""
    def __init__(self, train):
        self.src = {c: i + 1 for i, c in enumerate(sorted({c for s, _ in train for c in s}))}
        self.tgt = {c: i + 1 for i, c in enumerate(sorted(set("0123456789-")))}
        self.bos = 0

    def encode(self, pairs):
        longest = max(len(s) for s, _ in pairs)
        x = torch.zeros(len(pairs), longest, dtype=torch.long)
        for b, (s, _) in enumerate(pairs):
            x[b, :len(s)] = torch.tensor([self.src[c] for c in s])
        y = torch.tensor([[self.tgt[c] for c in t] for _, t in pairs])
        return x, y


class Seq2SeqBahdanau(nn.Module):
    def __init__(self, src_size, tgt_size, bos):
        super().__init__()
        self.bos = bos
        self.src_emb = nn.Embedding(src_size, E, padding_idx=0)
        self.encoder = nn.GRU(E, H, batch_first=True)
        self.tgt_emb = nn.Embedding(tgt_size, E)
        self.wq = nn.Linear(H, H, bias=False)            # the query s_{t-1}·Wq
        self.wk = nn.Linear(H, H)                        # the keys h_i·Wk + b, once per batch
        self.v = nn.Linear(H, 1, bias=False)
        self.cell = nn.GRUCell(E + H, H)
        self.out = nn.Linear(2 * H, tgt_size)

    def forward(self, x, y, teacher_forcing):
        mask = x != 0                                                       # (B×T)
        packed = nn.utils.rnn.pack_padded_sequence(self.src_emb(x), mask.sum(1), batch_first=True, enforce_sorted=False)
        hs, s = self.encoder(packed)
        hs, _ = nn.utils.rnn.pad_packed_sequence(hs, batch_first=True, total_length=x.shape[1])  # (B×T×H)
        s = s[0]                                                            # (B×H) last valid state
        keys = self.wk(hs)                                                  # (B×T×H)
        prev = torch.full((x.shape[0],), self.bos, dtype=torch.long)
        logits = []
        for t in range(y.shape[1]):
            e = self.v(torch.tanh(keys + self.wq(s)[:, None, :])).squeeze(-1).masked_fill(~mask, float("-inf"))
            alpha = F.softmax(e, -1)                                        # (B×T)
            c = torch.bmm(alpha[:, None, :], hs).squeeze(1)                 # (B×1×T)·(B×T×H) → (B×H)
            s = self.cell(torch.cat([self.tgt_emb(prev), c], -1), s)
            o = self.out(torch.cat([s, c], -1))                             # (B×|V_tgt|)
            logits.append(o)
            prev = y[:, t] if teacher_forcing else o.argmax(-1)
        return torch.stack(logits, 1)                                       # (B×10×|V_tgt|)


def loss_of(model, x, y):
    z = model(x, y, teacher_forcing=True)
    return F.cross_entropy(z.reshape(-1, z.shape[-1]), y.reshape(-1))


def evaluate(model, encoded, with_loss):
    """(exact match, mean loss or None) over pre-encoded chunks of EVAL_BATCH pairs, without gradients."""
    model.eval()
    correct, total, loss_sum = 0, 0, 0.0
    with torch.no_grad():
        for x, y in encoded:
            correct += (model(x, y, teacher_forcing=False).argmax(-1) == y).all(1).sum().item()
            if with_loss:
                loss_sum += loss_of(model, x, y).item() * y.numel()
            total += y.shape[0]
    model.train()
    return correct / total, (loss_sum / (total * TARGET_LENGTH) if with_loss else None)


def update(model, opt, params, x, y, lr):
    for g in opt.param_groups:
        g["lr"] = lr
    opt.zero_grad()
    loss = loss_of(model, x, y)
    loss.backward()
    nn.utils.clip_grad_norm_(params, 1.0)
    opt.step()
    return loss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--lr", type=float, default=6e-3, help="peak η (Java's default; the anchor's recipe: --lr 3e-3 --warmup 0)")
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--eval-every", type=int, default=25)
    ap.add_argument("--target", type=float, default=0.99)
    ap.add_argument("--max-updates", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-valid-loss", action="store_true")
    ap.add_argument("--step-loop", type=int, default=0, help="time this many updates on fixed batches instead")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    random.seed(a.seed)
    torch.manual_seed(a.seed)
    train, valid, test = read("train"), read("valid"), read("test")
    vocab = Vocab(train)
    model = Seq2SeqBahdanau(len(vocab.src) + 1, len(vocab.tgt) + 1, vocab.bos)
    params = list(model.parameters())
    opt = torch.optim.Adam(params, a.lr)
    lr_at = lambda s: a.lr * min(1.0, (s + 1) / a.warmup) if a.warmup else a.lr

    if a.step_loop:
        batches = [vocab.encode(train[i * B:(i + 1) * B]) for i in range(16)]
        for s in range(30):
            update(model, opt, params, *batches[s % 16], 3e-3)
        blocks, per = [], max(1, a.step_loop // 5)
        for blk in range(5):
            t0 = time.perf_counter()
            for s in range(per):
                update(model, opt, params, *batches[(blk * per + s) % 16], 3e-3)
            blocks.append(1e6 * (time.perf_counter() - t0) / per)
        print(f"torch-ref step threads={a.threads} update_us={statistics.median(blocks):.0f} "
              f"blocks={','.join(f'{u:.0f}' for u in blocks)} updates={5 * per} blas_threads={os.environ['OPENBLAS_NUM_THREADS']} torch={torch.__version__}")
        return

    chunks = lambda pairs: [vocab.encode(pairs[i:i + EVAL_BATCH]) for i in range(0, len(pairs), EVAL_BATCH)]
    valid_enc, test_enc = chunks(valid), chunks(test)
    order = list(range(len(train)))
    steps, reached, acc, update_time = 0, None, 0.0, 0.0
    t0 = time.perf_counter()
    while steps < a.max_updates and reached is None:
        random.shuffle(order)
        for i in range(0, len(order) - B + 1, B):
            tu = time.perf_counter()
            x, y = vocab.encode([train[j] for j in order[i:i + B]])
            loss = update(model, opt, params, x, y, lr_at(steps))
            update_time += time.perf_counter() - tu
            steps += 1
            if steps % a.eval_every == 0 or steps == a.max_updates:
                acc, vloss = evaluate(model, valid_enc, not a.no_valid_loss)
                el = time.perf_counter() - t0
                vl = "" if vloss is None else f"  valid loss {vloss:.4f}"
                print(f"update {steps:4d}  loss {loss.item():.4f}{vl}  valid exact match {acc:.3f}  ({el:.1f} s)", flush=True)
                if acc >= a.target:
                    reached = el
                    break
            if steps >= a.max_updates:
                break
    test_acc, _ = evaluate(model, test_enc, False)
    print(f"torch-ref threads={a.threads} steps={steps} time_to_99={'None' if reached is None else f'{reached:.1f}s'} "
          f"valid_exact_match={acc:.4f} test_exact_match={test_acc:.4f} update_us={1e6 * update_time / steps:.0f} "
          f"lr={a.lr:g} warmup={a.warmup} seed={a.seed} blas_threads={os.environ['OPENBLAS_NUM_THREADS']} torch={torch.__version__}")


if __name__ == "__main__":
    sys.exit(main())
