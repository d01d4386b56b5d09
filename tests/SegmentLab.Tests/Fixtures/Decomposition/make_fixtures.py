#!/usr/bin/python3
"""Writes the PCA fixtures in this folder from scikit-learn (run with Debian's /usr/bin/python3, sklearn 1.2.1):

    /usr/bin/python3 tests/SegmentLab.Tests/Fixtures/Decomposition/make_fixtures.py

pca_cases.json  small seeded float32 matrices with sklearn PCA(svd_solver="full") results.

Every matrix is float32 (what SegmentLab's FeatureMatrix holds); sklearn is run on the float64 copy of those exact
float32 values, so SegmentLab's float64 arithmetic should agree to round-off. Components are given with the sign
convention SegmentLab uses (largest-|loading| entry of each component positive, svd_flip(u_based_decision=False)).
"""
import json, os

import numpy as np
from sklearn.datasets import load_iris
from sklearn.decomposition import PCA

HERE = os.path.dirname(os.path.abspath(__file__))


def flip(components):
    c = components.copy()
    idx = np.argmax(np.abs(c), axis=1)
    signs = np.sign(c[np.arange(c.shape[0]), idx])
    return c * signs[:, None]


def case(name, x, n_components=None, whiten=False, note=""):
    x = np.asarray(x, dtype=np.float32)
    x64 = x.astype(np.float64)
    pca = PCA(n_components=n_components, svd_solver="full", whiten=whiten).fit(x64)
    comps = flip(pca.components_)
    scores = (x64 - pca.mean_) @ comps.T
    if whiten:
        scores /= np.sqrt(pca.explained_variance_)
    return {
        "name": name, "note": note, "rows": int(x.shape[0]), "cols": int(x.shape[1]),
        "x": [float(v) for v in x.ravel()],
        "components": None if n_components is None else n_components,
        "whiten": whiten,
        "n_components": int(pca.n_components_),
        "mean": [float(v) for v in pca.mean_],
        "explained_variance": [float(v) for v in pca.explained_variance_],
        "explained_variance_ratio": [float(v) for v in pca.explained_variance_ratio_],
        "loadings": [[float(v) for v in row] for row in comps],
        "scores_first_rows": [[float(v) for v in row] for row in scores[:5]],
    }


def main():
    iris = load_iris()   # the data of ../iris.csv (written by ../Clustering/make_fixtures.py)
    rng = np.random.default_rng(20240604)
    cases = []
    # correlated Gaussian columns with distinct variances (no ties between eigenvalues)
    a = rng.normal(size=(60, 5)) @ np.diag([3.0, 2.0, 1.2, 0.6, 0.2]) @ np.linalg.qr(rng.normal(size=(5, 5)))[0]
    cases.append(case("correlated_60x5", a + np.array([10, -3, 0.5, 100, 7])))
    cases.append(case("correlated_60x5_top2", a, n_components=2))
    cases.append(case("correlated_60x5_whiten", a, n_components=3, whiten=True))
    b = rng.normal(size=(40, 8)) * np.linspace(0.5, 4.0, 8)
    b[:, 3] = 2.5                                   # a constant column
    cases.append(case("with_constant_column_40x8", b, note="column 3 is constant"))
    c = rng.normal(size=(6, 9)) * np.arange(1, 10)
    cases.append(case("wide_6x9", c, note="fewer rows than columns: min(n, D) = 6 components, the last ~0"))
    d = rng.exponential(size=(200, 3)) @ np.array([[1.0, 0.3, 0.0], [0.0, 1.0, 0.5], [0.2, 0.0, 1.0]])
    cases.append(case("skewed_200x3", d))
    x = iris.data.astype(np.float32)
    cases.append(case("iris", x, note="Fisher's iris, raw"))
    with open(os.path.join(HERE, "pca_cases.json"), "w") as f:
        json.dump(cases, f, indent=1)


if __name__ == "__main__":
    main()
