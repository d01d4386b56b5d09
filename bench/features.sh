#!/usr/bin/env bash
# Feature-engineering, generator and scale benchmarks (figures in bench/README.md). From the repository root:
#   bench/features.sh [RUNS]          `segmentlab features` on Online Retail II, process start to CSV written (full
#                                     feature set), alternating with pandas' RFM alone; median of RUNS (default 5) each,
#                                     for the installed command (published for linux-x64, ReadyToRun, into bench/results)
#                                     and for the plain build output (`dotnet run`/`dotnet build`, JIT-compiled).
#   bench/features.sh generate [DIR]  `segmentlab generate --customers 1000000 --seed 1` into DIR (default /tmp/big/1m):
#                                     seconds, peak RSS, bytes written.
#   bench/features.sh big [DIR]       `segmentlab features` on DIR (generated first if absent), Parquet out: seconds, peak RSS.
#   bench/features.sh soak [DIR]      `segmentlab run --k 6` on DIR, the whole pipeline: seconds, peak RSS.
# Needs Debian's python3-pandas (first form), GNU time (/usr/bin/time) and the real data beside the clone.
# SEGMENTLAB_TRACE=1 in the environment adds per-step wall and CPU times on standard error.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/SegmentLab.Cli -c Release -v q -nologo >/dev/null
CLI=src/SegmentLab.Cli/bin/Release/net10.0/SegmentLab.Cli.dll
# The command as installed: a platform-specific, precompiled publish (first run restores the runtime pack: about a minute).
publish() {
  dotnet publish src/SegmentLab.Cli -c Release -r linux-x64 --self-contained false -o bench/results/segmentlab-linux-x64 -v q -nologo >/dev/null
  CLI=bench/results/segmentlab-linux-x64/SegmentLab.Cli.dll
}

# Wall seconds and peak RSS of one command, from GNU time (its report goes to a file, the command's own output is kept).
measure() {
  local report
  report=$(mktemp)
  /usr/bin/time -o "$report" -f "%e %M %U %S" "$@"
  read -r wall kb user sys < "$report"
  rm -f "$report"
  printf 'wall %s s, peak RSS %.0f MB, cpu %.1f s (user %s + sys %s)\n' "$wall" "$(echo "$kb / 1024" | bc -l)" "$(echo "$user + $sys" | bc -l)" "$user" "$sys"
}

generate() {
  local dir=$1
  echo "segmentlab generate --customers 1000000 --seed 1 --out $dir"
  measure dotnet "$CLI" generate --customers 1000000 --seed 1 --out "$dir"
  echo "bytes written: $(du -cb "$dir"/transactions.csv "$dir"/events.csv "$dir"/customers.csv "$dir"/truth.csv | tail -1 | cut -f1)" \
       "($(wc -l < "$dir"/transactions.csv) transaction lines, $(wc -l < "$dir"/events.csv) event lines, headers included)"
}

case "${1:-}" in
  generate)
    generate "${2:-/tmp/big/1m}"
    exit 0 ;;
  big)
    publish
    DIR=${2:-/tmp/big/1m}
    [ -f "$DIR/segmentlab.json" ] || generate "$DIR"
    echo "segmentlab features --config $DIR/segmentlab.json --out $DIR/features.parquet"
    measure dotnet "$CLI" features --config "$DIR/segmentlab.json" --out "$DIR/features.parquet"
    exit 0 ;;
  soak)
    DIR=${2:-/tmp/big/1m}
    [ -f "$DIR/segmentlab.json" ] || generate "$DIR"
    echo "segmentlab run --config $DIR/segmentlab.json --k 6 --out $DIR/soak"
    measure dotnet "$CLI" run --config "$DIR/segmentlab.json" --k 6 --out "$DIR/soak"
    exit 0 ;;
esac

RUNS=${1:-5}
DATA=../shared/data/online-retail-ii/online_retail_II_sheet_2009-2010.csv.gz
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

BUILT=$CLI
publish
ours=(); ours_kb=(); built=(); pandas_in=(); pandas_proc=(); pandas_kb=()
for i in $(seq "$RUNS"); do
  /usr/bin/time -o "$OUT/t" -f "%e %M" dotnet "$CLI" features --config data/configs/online-retail-ii.json --out "$OUT/features.csv" >/dev/null
  read -r wall kb < "$OUT/t"; ours+=("$wall"); ours_kb+=("$kb")
  /usr/bin/time -o "$OUT/t" -f "%e %M" dotnet "$BUILT" features --config data/configs/online-retail-ii.json --out "$OUT/built.csv" >/dev/null
  read -r wall kb < "$OUT/t"; built+=("$wall")
  cmp -s "$OUT/features.csv" "$OUT/built.csv" || { echo "the published and the built command wrote different files" >&2; exit 1; }
  line=$(/usr/bin/time -o "$OUT/t" -f "%e %M" /usr/bin/python3 bench/pandas_rfm.py "$DATA")
  read -r wall kb < "$OUT/t"; pandas_proc+=("$wall"); pandas_kb+=("$kb")
  pandas_in+=("$(echo "$line" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')")
done
o=$(printf '%s\n' "${ours[@]}" | median)
b=$(printf '%s\n' "${built[@]}" | median)
pi=$(printf '%s\n' "${pandas_in[@]}" | median)
pp=$(printf '%s\n' "${pandas_proc[@]}" | median)
echo "pandas check: $line"
echo "columns written by segmentlab: $(head -1 "$OUT/features.csv" | tr ',' '\n' | wc -l)"
echo "segmentlab runs (published): ${ours[*]}; (build output): ${built[*]}; pandas (inside Python) runs: ${pandas_in[*]}"
printf '%-58s %8s\n' "measure (median of $RUNS)" "seconds"
printf '%-58s %8.2f\n' "segmentlab features, process start to CSV written" "$o"
printf '%-58s %8.2f\n' "  same, plain build output (JIT, as dotnet run)" "$b"
printf '%-58s %8.2f\n' "pandas RFM only, read_csv + groupby (inside Python)" "$pi"
printf '%-58s %8.2f\n' "pandas RFM only, whole python3 process" "$pp"
printf '%-58s %8.2f\n' "ratio segmentlab / pandas (inside Python)" "$(echo "$o / $pi" | bc -l)"
printf '%-58s %8.2f\n' "  same, plain build output" "$(echo "$b / $pi" | bc -l)"
printf '%-58s %8.0f\n' "peak RSS MB, segmentlab (median)" "$(printf '%s\n' "${ours_kb[@]}" | median | awk '{print $1/1024}')"
printf '%-58s %8.0f\n' "peak RSS MB, pandas process (median)" "$(printf '%s\n' "${pandas_kb[@]}" | median | awk '{print $1/1024}')"
