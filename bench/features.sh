#!/usr/bin/env bash
# `segmentlab features` end to end (process start to file written, full feature set) vs pandas' RFM alone
# (read_csv + groupby, timed inside Python), on the real Online Retail II sheet, in one run. Median of RUNS runs each.
# Usage: bench/features.sh [RUNS]     (needs Debian's python3-pandas; the real data beside the clone)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
DATA=../shared/data/online-retail-ii/online_retail_II_sheet_2009-2010.csv.gz
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
dotnet build src/SegmentLab.Cli -c Release -v q -nologo >/dev/null
CLI=src/SegmentLab.Cli/bin/Release/net10.0/SegmentLab.Cli.dll

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ours=(); pandas_in=(); pandas_proc=()
for i in $(seq "$RUNS"); do
  s=$(date +%s.%N)
  dotnet "$CLI" features --config data/configs/online-retail-ii.json --out "$OUT/features.csv" >/dev/null
  e=$(date +%s.%N); ours+=("$(echo "$e - $s" | bc)")
  s=$(date +%s.%N)
  line=$(/usr/bin/python3 bench/pandas_rfm.py "$DATA")
  e=$(date +%s.%N); pandas_proc+=("$(echo "$e - $s" | bc)")
  pandas_in+=("$(echo "$line" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')")
done
o=$(printf '%s\n' "${ours[@]}" | median)
pi=$(printf '%s\n' "${pandas_in[@]}" | median)
pp=$(printf '%s\n' "${pandas_proc[@]}" | median)
echo "pandas check: $line"
echo "columns written by segmentlab: $(head -1 "$OUT/features.csv" | tr ',' '\n' | wc -l)"
printf '%-58s %8s\n' "measure (median of $RUNS)" "seconds"
printf '%-58s %8.2f\n' "segmentlab features, process start to CSV written" "$o"
printf '%-58s %8.2f\n' "pandas RFM only, read_csv + groupby (inside Python)" "$pi"
printf '%-58s %8.2f\n' "pandas RFM only, whole python3 process" "$pp"
printf '%-58s %8.2f\n' "ratio segmentlab / pandas (inside Python)" "$(echo "$o / $pi" | bc -l)"
