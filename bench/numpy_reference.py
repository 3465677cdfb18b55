#!/usr/bin/env python3
"""NumPy reference for exact order-3 attention (THEORY.md §1, §3), to time against
`hardchain attention --method exact`.

Per query i: G = (Q[i] * K1) @ K2.T / d  (n1 x n2, one BLAS GEMM), P = exp(G - max G),
W = P @ V2 (n1 x dv, a second GEMM), Att[i] = sum_j1 V1[j1] * W[j1] / sum P.

Usage:
  python3 bench/numpy_reference.py DIR [OUT.npy]       # DIR holds Q.npy K1.npy K2.npy V1.npy V2.npy
  python3 bench/numpy_reference.py --check DIR OUT.npy # compare OUT.npy (e.g. from hardchain) to this

Prints the compute time and numpy's BLAS; time the whole process with `time`.
"""
import sys
import time

import numpy as np


def attention3(Q, K1, K2, V1, V2):
    nq, d = Q.shape
    out = np.empty((nq, V1.shape[1]))
    K2T = np.ascontiguousarray(K2.T)
    for i in range(nq):
        G = (Q[i] * K1) @ K2T
        G /= d
        G -= G.max()
        np.exp(G, out=G)
        W = G @ V2
        out[i] = (V1 * W).sum(axis=0) / G.sum()
    return out


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return '; '.join('%s %s (%s, %s threads)' % (p.get('internal_api'), p.get('version'),
                                                       p.get('architecture'), p.get('num_threads'))
                         for p in threadpool_info())
    except ImportError:
        cfg = np.show_config(mode='dicts')
        b = cfg.get('Build Dependencies', {}).get('blas', {})
        return '%s %s (threadpoolctl not installed: core type not shown)' % (b.get('name'), b.get('version'))


def main(argv):
    check = argv[:1] == ['--check']
    if check:
        argv = argv[1:]
    d = argv[0]
    Q, K1, K2, V1, V2 = (np.load('%s/%s.npy' % (d, n)).astype(np.float64) for n in ('Q', 'K1', 'K2', 'V1', 'V2'))
    t = time.perf_counter()
    att = attention3(Q, K1, K2, V1, V2)
    secs = time.perf_counter() - t
    print('numpy %s, BLAS: %s' % (np.__version__, blas_info()))
    print('order-3 attention n_q=%d n=%d,%d d=%d d_v=%d: compute %.3f s' % (
        Q.shape[0], K1.shape[0], K2.shape[0], Q.shape[1], V1.shape[1], secs))
    if check:
        other = np.load(argv[1])
        err = np.max(np.abs(other - att)) / max(np.max(np.abs(att)), 1e-300)
        print('max |other - numpy| / max |numpy| = %.3g' % err)
        return 0 if err < 1e-10 else 1
    if len(argv) > 1:
        np.save(argv[1], att)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
