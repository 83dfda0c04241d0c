"""numpy float32 matrix-product rate on one thread (the OpenBLAS numpy ships), for reference."""
import time

import numpy as np

import common


def rate(m, n, k, minimum=1.0):
    a = np.full((m, k), 0.5, dtype=np.float32)
    b = np.full((k, n), 0.25, dtype=np.float32)
    a @ b
    count, start = 0, time.perf_counter()
    while True:
        a @ b
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= minimum:
            return 2 * m * n * k * count / elapsed / 1e9


if __name__ == "__main__":
    common.single_thread()
    for m, n, k in [(1024, 256, 256), (2048, 2048, 2048)]:
        g = rate(m, n, k)
        common.emit(f"sgemm-{m}x{n}x{k}", 2 * m * n * k / g / 1e9, gigaflops=g)
