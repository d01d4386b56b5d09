#!/usr/bin/python3
"""Writes the silhouette / Calinski-Harabasz / Davies-Bouldin fixtures in this folder from scikit-learn
(run with Debian's /usr/bin/python3, sklearn 1.2.1):

    /usr/bin/python3 tests/SegmentLab.Tests/Fixtures/Validation/make_separation_fixtures.py

iris_kmeans_labels.json  the k-means optimum on raw iris (../iris.csv) for k = 2, 3, 4: the lowest
                         inertia over 1,000 k-means++ restarts, with sklearn's silhouette_score, CH and DB for them.
index_cases.json         seeded float32 matrices with labels (several shapes, a singleton segment, label gaps,
                         duplicate rows, data far from the origin) and sklearn's silhouette_samples /
                         silhouette_score / calinski_harabasz_score / davies_bouldin_score.

Matrices are float32 (what SegmentLab's FeatureMatrix holds); sklearn is run on the float64 copy of those exact
values, so the expected numbers are float64-accurate.
"""
import json, os

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris
from sklearn.metrics import (calinski_harabasz_score, davies_bouldin_score, silhouette_samples,
                             silhouette_score)

HERE = os.path.dirname(os.path.abspath(__file__))


def scores(x64, labels):
    return {
        "silhouette": float(silhouette_score(x64, labels)),
        "calinski_harabasz": float(calinski_harabasz_score(x64, labels)),
        "davies_bouldin": float(davies_bouldin_score(x64, labels)),
    }


def case(name, x, labels, note=""):
    x = np.asarray(x, dtype=np.float32)
    labels = np.asarray(labels, dtype=np.int64)
    x64 = x.astype(np.float64)
    out = {"name": name, "note": note, "rows": int(x.shape[0]), "cols": int(x.shape[1]),
           "x": [float(v) for v in x.ravel()], "labels": [int(v) for v in labels]}
    out.update(scores(x64, labels))
    out["silhouette_samples"] = [float(v) for v in silhouette_samples(x64, labels)]
    return out


def blobs(rng, n, d, k, spread, scale=1.0):
    centres = rng.normal(scale=spread, size=(k, d))
    labels = rng.integers(0, k, size=n)
    return centres[labels] + rng.normal(scale=scale, size=(n, d)), labels


def main():
    iris = load_iris().data          # float64, the same values as ../iris.csv
    optimum = []
    for k in (2, 3, 4):
        km = KMeans(n_clusters=k, n_init=1000, random_state=0, algorithm="lloyd").fit(iris)
        # canonical label order: by first appearance in the data
        first = {}
        for v in km.labels_:
            first.setdefault(int(v), len(first))
        labels = np.array([first[int(v)] for v in km.labels_])
        entry = {"k": k, "inertia": float(km.inertia_), "labels": [int(v) for v in labels]}
        entry.update(scores(iris, labels))
        optimum.append(entry)
    with open(os.path.join(HERE, "iris_kmeans_labels.json"), "w") as f:
        json.dump(optimum, f, indent=1)

    rng = np.random.default_rng(20240605)
    cases = []
    x, l = blobs(rng, 30, 2, 3, 4.0)
    cases.append(case("blobs_30x2_k3", x, l))
    x, l = blobs(rng, 57, 5, 3, 3.0)
    x = np.vstack([x, rng.normal(loc=8.0, size=(1, 5))])
    cases.append(case("singleton_58x5_k4", x, np.append(l, 3), "segment 3 has one row"))
    x, l = blobs(rng, 300, 16, 8, 2.0, 1.5)
    cases.append(case("overlapping_300x16_k8", x, l, "overlapping blobs, as the benchmark"))
    x, l = blobs(rng, 45, 3, 3, 5.0)
    cases.append(case("label_gaps_45x3", x, np.array([0, 2, 5])[l], "labels 0, 2 and 5 only (segments 1, 3, 4 empty)"))
    x, l = blobs(rng, 24, 4, 2, 2.0)
    x = np.vstack([x, x[:12], x[:6]])               # many exact duplicate rows
    cases.append(case("duplicates_42x4_k2", x, np.concatenate([l, l[:12], l[:6]]), "rows 24.. repeat rows 0..11 and 0..5"))
    x, l = blobs(rng, 80, 6, 4, 1.5, 0.5)
    cases.append(case("far_from_origin_80x6_k4", x + 1000.0, l, "values near 1000: cancellation in |x|^2 + |y|^2 - 2x.y"))
    x, l = blobs(rng, 40, 1, 3, 3.0)
    cases.append(case("one_column_40x1_k3", x, l))
    x, l = blobs(rng, 200, 40, 5, 1.0)
    cases.append(case("wide_200x40_k5", x, l, "more columns than a micro-kernel panel"))
    cases.append(case("sklearn_db_docstring", [[0, 1], [1, 1], [3, 4]], [0, 0, 1], "davies_bouldin_score docstring: 0.12804"))
    with open(os.path.join(HERE, "index_cases.json"), "w") as f:
        json.dump(cases, f)


if __name__ == "__main__":
    main()
