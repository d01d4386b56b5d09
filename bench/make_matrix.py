#!/usr/bin/python3
"""Writes the standard benchmark matrices: overlapping Gaussian blobs, float32 row-major (no header) plus int32 true
labels, both little-endian binary, so sklearn_anchor.py and SegmentLab.Bench read the very same bytes.

Usage: make_matrix.py OUT_DIR [ROWS ...]      (default rows: 20000 50000 100000 200000)
Files: OUT_DIR/blobs_{ROWS}x16.f32 and OUT_DIR/blobs_{ROWS}x16.labels.i32

Recipe (seed 0, numpy's default_rng): 8 centres uniform in [-4, 4]^16, each row's centre drawn uniformly, noise
N(0, 4^2) per feature. Centres are ~13 apart, so the midpoint between two is ~1.6 noise standard deviations away:
the blobs overlap (k-means recovers the true labels with ARI ~0.6) and Lloyd needs 10-40 iterations per restart.
The smaller matrices are prefixes of the same draw order with their own generator, not subsets of the big one.
"""
import os
import sys

import numpy as np

COLS, CENTRES, SEED, NOISE = 16, 8, 0, 4.0


def make(rows):
    rng = np.random.default_rng(SEED)
    centres = rng.uniform(-4.0, 4.0, size=(CENTRES, COLS))
    labels = rng.integers(0, CENTRES, size=rows).astype(np.int32)
    x = centres[labels] + rng.normal(0.0, NOISE, size=(rows, COLS))
    return np.ascontiguousarray(x, dtype=np.float32), labels


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bench/results/matrices"
    sizes = [int(s) for s in sys.argv[2:]] or [20000, 50000, 100000, 200000]
    os.makedirs(out, exist_ok=True)
    for rows in sizes:
        stem = os.path.join(out, f"blobs_{rows}x{COLS}")
        if os.path.exists(stem + ".f32") and os.path.exists(stem + ".labels.i32"):
            continue
        x, labels = make(rows)
        x.astype("<f4").tofile(stem + ".f32")
        labels.astype("<i4").tofile(stem + ".labels.i32")
        print(f"wrote {stem}.f32 ({rows} x {COLS}) and {stem}.labels.i32")


if __name__ == "__main__":
    main()
