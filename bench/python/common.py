"""Shared helpers of the side-by-side benchmark's Python side.

The data is the file `nasarena perf --section side-by-side --export-data FILE` writes: the
nb201-cifar10 domain in nasarena's order, with the search signal, WeakNAS's one-hot encoding,
BRP-NAS's GCN inputs (global node, normalised adjacency) and arch2vec's graphs. Reading it
means both sides train on identical cells and labels.
"""
import json
import os
import sys
import time


def single_thread():
    """One thread for every library: BLAS through the environment (run.sh sets it), torch here."""
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    try:
        import torch

        torch.set_num_threads(1)
        torch.set_num_interop_threads(1)
    except (ImportError, RuntimeError):
        pass


def load(path):
    with open(path) as handle:
        return json.load(handle)


def emit(workload, seconds, **work):
    """One JSON line, the shape nasarena prints, for run.sh."""
    print(json.dumps({"workload": workload, "side": "python", "seconds": seconds, "work": work}, sort_keys=True))
    sys.stdout.flush()


def labelled_positions(domain_size, count):
    """Every (domain / count)-th architecture: the same ones nasarena's BRP-NAS epoch uses."""
    step = domain_size // count
    return [i * step for i in range(count)]


class Clock:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_):
        self.seconds = time.perf_counter() - self.start
