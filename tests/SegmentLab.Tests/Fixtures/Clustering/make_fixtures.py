#!/usr/bin/python3
"""Makes the k-means parity fixtures in this folder, and ../iris.csv, with scikit-learn 1.2.1 (Debian's python3-sklearn).

Run from anywhere:  /usr/bin/python3 tests/SegmentLab.Tests/Fixtures/Clustering/make_fixtures.py

For each case it writes <name>.csv (features x0..x{d-1} as float32-exact decimals, then the true label `truth`), and
expected.json records, per case: k, n_init, random_state, scikit-learn's best inertia (KMeans(algorithm="lloyd")
run on the float32 matrix, inertia recomputed in float64 from its labels and centres so float32 accumulation does
not blur it), its labels, and its cluster sizes (sorted). Iris is load_iris() raw (150 x 4, no scaling).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris, make_blobs

HERE = os.path.dirname(os.path.abspath(__file__))


def float32_csv(path, x, truth, names):
    with open(path, "w") as f:
        f.write(",".join(names + ["truth"]) + "\n")
        for row, t in zip(x, truth):
            # repr of a float32 round-trips exactly through float.Parse/(float) in C#
            f.write(",".join(repr(float(v)) for v in row) + f",{int(t)}\n")


def fit(x, k, n_init, seed):
    km = KMeans(n_clusters=k, n_init=n_init, random_state=seed, algorithm="lloyd").fit(x)
    x64 = x.astype(np.float64)
    centres = km.cluster_centers_.astype(np.float32).astype(np.float64)
    inertia = float(((x64 - centres[km.labels_]) ** 2).sum())
    sizes = sorted(int(s) for s in np.bincount(km.labels_, minlength=k))
    return {"k": k, "n_init": n_init, "random_state": seed, "inertia": inertia,
            "sklearn_inertia": float(km.inertia_), "sizes": sizes, "labels": [int(v) for v in km.labels_]}


def main():
    cases = {}
    blob_specs = [
        # name, n, d, centres, std, seed, k list
        ("separated_2d", 300, 2, 4, 0.5, 1, [4]),
        ("separated_8d", 600, 8, 6, 1.0, 2, [6]),
        ("overlapping_5d", 500, 5, 5, 2.5, 3, [3, 5, 8]),
    ]
    for name, n, d, centres, std, seed, ks in blob_specs:
        x, truth = make_blobs(n_samples=n, n_features=d, centers=centres, cluster_std=std, center_box=(-10, 10),
                              random_state=seed)
        x = x.astype(np.float32)
        names = [f"x{j}" for j in range(d)]
        float32_csv(os.path.join(HERE, f"{name}.csv"), x, truth, names)
        cases[name] = {"file": f"{name}.csv", "rows": n, "cols": d, "std": std, "fits": [fit(x, k, 10, 0) for k in ks]}

    iris = load_iris()
    x = iris.data.astype(np.float32)
    names = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    with open(os.path.join(HERE, "..", "iris.csv"), "w") as f:
        f.write(",".join(names + ["species"]) + "\n")
        for row, t in zip(iris.data, iris.target):
            f.write(",".join(f"{v:.1f}" for v in row) + f",{iris.target_names[t]}\n")
    cases["iris"] = {"file": "../iris.csv", "rows": 150, "cols": 4, "fits": [fit(x, k, 10, 0) for k in (2, 3, 4)]}

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    for name, case in cases.items():
        print(name, [(fit_["k"], round(fit_["inertia"], 4), fit_["sizes"]) for fit_ in case["fits"]])


if __name__ == "__main__":
    main()
