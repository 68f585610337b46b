"""Which BLAS library PyTorch's matrix products run on, printed by the benchmark scripts beside
the anchor's figures.

Debian's python3-torch links the generic libblas.so.3, which the alternatives system points at
whichever BLAS is installed: OpenBLAS (package libopenblas0-pthread) if present, else the
Fortran reference BLAS (libblas3), several times slower. A comparison with the reference BLAS
would flatter the Java side, so this exits with status 3 when torch's dgemm_ comes from it.

Run: /usr/bin/python3 tools/bench/torch_blas.py
     → e.g. "torch 1.13.0a0, openblas-pthread: dgemm_ from /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"
"""
import ctypes
import os
import sys

import torch


class DlInfo(ctypes.Structure):
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]


torch.set_num_threads(1)
a = torch.randn(64, 64, dtype=torch.float64)
a @ a                                                   # the BLAS is loaded and bound by now
with open("/proc/self/maps") as maps:
    torch_cpu = next(line.split()[-1] for line in maps if "libtorch_cpu" in line)
# dgemm_ as libtorch_cpu's own dependencies resolve it, and the file that defines it
dgemm = ctypes.cast(ctypes.CDLL(torch_cpu).dgemm_, ctypes.c_void_p)
libc = ctypes.CDLL(None)
libc.dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(DlInfo)]
info = DlInfo()
if not libc.dladdr(dgemm, ctypes.byref(info)):
    sys.exit("torch_blas.py: cannot tell which library defines torch's dgemm_")
path = os.path.realpath(info.dli_fname.decode())
kind = next((k for k in ("openblas-pthread", "openblas-openmp", "openblas-serial", "openblas", "mkl", "blis", "atlas")
             if k in path), "reference BLAS" if "/blas/" in path else "unknown BLAS")
print(f"torch {torch.__version__}, {kind}: dgemm_ from {path}")
sys.exit(3 if kind == "reference BLAS" else 0)
