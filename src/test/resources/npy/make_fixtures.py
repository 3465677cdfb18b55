#!/usr/bin/env python3
"""Writes the .npy fixtures of NpyTest with NumPy itself (run from this directory).

Valid files are written by numpy.save / numpy.lib.format; malformed ones are valid files
with one byte range changed, so each exercises exactly one error.
"""
import numpy as np
from numpy.lib import format as fmt

# Values chosen to be exact in binary and easy to check by hand.
m = np.array([[1.5, -2.0, 0.25], [1e-300, 1e300, -0.0]], dtype='<f8')
np.save('f8_2x3.npy', m)
np.save('f4_2x2.npy', np.array([[0.5, -1.25], [3.0, 1e-3]], dtype='<f4'))
np.save('f8_1d.npy', np.arange(5, dtype='<f8') * 0.5)
np.save('f8_0d.npy', np.array(7.0, dtype='<f8'))
np.save('f8_0x4.npy', np.zeros((0, 4), dtype='<f8'))
# Format versions 2.0 and 3.0 with the same matrix.
with open('f8_2x3_v2.npy', 'wb') as f:
    fmt.write_array(f, m, version=(2, 0))
with open('f8_2x3_v3.npy', 'wb') as f:
    fmt.write_array(f, m, version=(3, 0))
# An attention directory, order 3, unequal row counts: Q 2x2, K1 3x2, K2 1x2, V 3x1 / 1x1.
import os
os.makedirs('attn3', exist_ok=True)
np.save('attn3/Q.npy', np.array([[1.0, 0.0], [0.5, -0.5]]))
np.save('attn3/K1.npy', np.array([[1.0, 2.0], [0.0, 1.0], [-1.0, 0.5]]))
np.save('attn3/K2.npy', np.array([[2.0, 1.0]]))
np.save('attn3/V1.npy', np.array([[1.0], [2.0], [3.0]]))
np.save('attn3/V2.npy', np.array([[0.5]], dtype='<f4'))

# Malformed files.
np.save('bad_big_endian.npy', m.astype('>f8'))
np.save('bad_fortran.npy', np.asfortranarray(np.arange(6.0).reshape(2, 3)))
np.save('bad_int64.npy', np.arange(6, dtype='<i8').reshape(2, 3))
np.save('bad_complex.npy', np.zeros((2, 2), dtype='<c16'))
good = open('f8_2x3.npy', 'rb').read()
open('bad_magic.npy', 'wb').write(b'\x93NUMPX' + good[6:])
open('bad_truncated.npy', 'wb').write(good[:-5])
open('bad_trailing.npy', 'wb').write(good + b'\0' * 8)
hl = good[8] | (good[9] << 8)
header = good[10:10 + hl].decode('latin1')
def with_header(h):
    h = h.rstrip().ljust(hl - 1) + '\n'
    assert len(h) == hl, (h, hl)
    return good[:10] + h.encode('latin1') + good[10 + hl:]
open('bad_header_syntax.npy', 'wb').write(with_header(header.replace("'shape': (2, 3)", "'shape': (2, 3")))
open('bad_header_keys.npy', 'wb').write(with_header(header.replace("'fortran_order'", "'fortran_ordr' ")))
open('bad_shape_mismatch.npy', 'wb').write(with_header(header.replace("(2, 3)", "(3, 3)")))
open('bad_version.npy', 'wb').write(good[:6] + b'\x04\x00' + good[8:])


# The expected order-3 attention of attn3, computed independently with NumPy (THEORY §1):
# S[i, j1, j2] = <Q[i], K1[j1], K2[j2]> / d, softmax over (j1, j2), values V1[j1] * V2[j2].
Q, K1, K2 = (np.load('attn3/%s.npy' % n) for n in ('Q', 'K1', 'K2'))
V1, V2 = np.load('attn3/V1.npy'), np.load('attn3/V2.npy').astype('<f8')
S = np.einsum('it,at,bt->iab', Q, K1, K2) / Q.shape[1]
A = np.exp(S - S.max(axis=(1, 2), keepdims=True))
att = np.einsum('iab,ac,bc->ic', A, V1, V2) / A.sum(axis=(1, 2))[:, None]
np.save('attn3_expected.npy', att)
print('fixtures written; numpy', np.__version__)
