#!/usr/bin/env bash
# SegmentLab vs scikit-learn, side by side in one run, on the same float32 files:
#   kmeans      200,000 x 16 blobs, k=8, n_init=10, seed 0
#   pca         200,000 x 16, 3 and 16 components
#   silhouette  exact, true labels, 20,000 x 16 and 50,000 x 16 (both); 100,000 x 16 (SegmentLab only)
# Times are seconds inside each process around the computation only (loading excluded), median of RUNS runs; the
# two sides alternate so background load hits both alike. A task whose SegmentLab run fails prints "n/a".
# Usage: bench/compare.sh [RUNS]        (needs /usr/bin/python3 with numpy and scikit-learn; ../shared/anchors/)
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
OUT=bench/results                       # git-ignored
M=$OUT/matrices
ANCHOR=../shared/anchors/sklearn_anchor.py
PY=/usr/bin/python3
mkdir -p "$OUT"
$PY bench/make_matrix.py "$M" 20000 50000 100000 200000 || exit 1
dotnet build bench/SegmentLab.Bench -c Release -v q -nologo >/dev/null || { echo "bench build failed" >&2; exit 1; }
BENCH=bench/SegmentLab.Bench/bin/Release/net10.0/SegmentLab.Bench.dll
LOG=$OUT/compare.jsonl
: >"$LOG"

# one SIDE TASK ROWS [extra args]: appends {"side","task","size","variant",...result} to the log, or a failure marker
one() {
  local side=$1 task=$2 rows=$3; shift 3
  local args=("$task" --f32 "$M/blobs_${rows}x16.f32" --rows "$rows" --cols 16 "$@")
  local line
  if [ "$side" = sklearn ]; then line=$($PY "$ANCHOR" "${args[@]}" 2>/dev/null | tail -1)
  else line=$(dotnet "$BENCH" "${args[@]}" 2>/dev/null | tail -1); fi
  local variant="$*"
  $PY - "$side" "$task" "$rows" "$variant" "$line" >>"$LOG" <<'PYEOF'
import json, sys
side, task, rows, variant, line = sys.argv[1:6]
try:
    r = json.loads(line)
except Exception:
    r = {"failed": True}
r.update({"side": side, "task": task, "size": f"{int(rows):,} x 16", "variant": variant})
print(json.dumps(r))
PYEOF
}

both() { for _ in $(seq "$RUNS"); do one sklearn "$@"; one segmentlab "$@"; done; }

both kmeans 200000 --k 8 --n-init 10 --seed 0
both pca 200000 --components 3
both pca 200000 --components 16
both silhouette 20000 --labels "$M/blobs_20000x16.labels.i32"
both silhouette 50000 --labels "$M/blobs_50000x16.labels.i32"
for _ in $(seq "$RUNS"); do one segmentlab silhouette 100000 --labels "$M/blobs_100000x16.labels.i32"; done

# scikit-learn sums inertia_ in float32; refit once and recompute its solution's inertia in float64 (as SegmentLab
# reports it), so "equal or better inertia" is judged on the same arithmetic. Not timed.
$PY - "$M/blobs_200000x16.f32" >"$OUT/sklearn_kmeans_f64.txt" <<'PYEOF'
import sys
import numpy as np
from sklearn.cluster import KMeans
x = np.fromfile(sys.argv[1], dtype=np.float32).reshape(-1, 16)
km = KMeans(n_clusters=8, n_init=10, random_state=0, algorithm="lloyd").fit(x)
c = km.cluster_centers_.astype(np.float64)
print(((x.astype(np.float64) - c[km.labels_]) ** 2).sum())
PYEOF

$PY - "$LOG" "$RUNS" "$OUT/sklearn_kmeans_f64.txt" <<'PYEOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
groups = {}
for r in rows:
    groups.setdefault((r["task"], r["size"], r["variant"]), {}).setdefault(r["side"], []).append(r)

def value(r):
    if "inertia" in r: return f"inertia {r['inertia']:.1f}"
    if "silhouette" in r: return f"silhouette {r['silhouette']:.4f}"
    if "explained_variance_ratio" in r: return f"EVR[0] {r['explained_variance_ratio'][0]:.4f}"
    return ""

def summary(rs):
    ok = [r for r in (rs or []) if not r.get("failed")]
    if not ok: return None, "n/a"
    return statistics.median(r["seconds"] for r in ok), value(ok[0])

print(f"median of {sys.argv[2]} runs each; seconds inside the process, computation only")
print(f"{'task':<11} {'size':<14} {'settings':<22} {'sklearn s':>10} {'ours s':>9} {'ours/sk':>8}   sklearn value / ours value")
for (task, size, variant), sides in groups.items():
    sk, skv = summary(sides.get("sklearn"))
    us, usv = summary(sides.get("segmentlab"))
    settings = " ".join(a for a in variant.split() if not a.endswith(".i32")).replace("--", "")
    fmt = lambda s: "n/a" if s is None else f"{s:.3f}"
    ratio = "n/a" if sk is None or us is None else f"{us / sk:.3f}"
    print(f"{task:<11} {size:<14} {settings:<22} {fmt(sk):>10} {fmt(us):>9} {ratio:>8}   {skv if 'sklearn' in sides else '-'} / {usv}")
try:
    sk64 = float(open(sys.argv[3]).read())
    ours = [r["inertia"] for r in rows if r["task"] == "kmeans" and r["side"] == "segmentlab" and not r.get("failed")]
    print(f"kmeans inertia in float64: scikit-learn's solution {sk64:.2f}, SegmentLab's {ours[0]:.2f} "
          f"(ours - sklearn = {(ours[0] - sk64) / sk64:+.2e} relative)")
except Exception as e:
    print(f"kmeans float64 inertia check: n/a ({e})")
PYEOF
