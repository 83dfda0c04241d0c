#!/usr/bin/env bash
# The side-by-side benchmark of issue 15: the official training setups re-implemented in
# Python (scikit-learn, PyTorch, pandas) against nasarena on the same data, interleaved, one
# thread each. Not part of CI. See bench/README.md.
#
#   bench/run.sh [--repeats R] [--weaknas-repeats W] [--brpnas-trial-repeats T] [--only LIST]
#
# LIST: comma-separated of weaknas, brpnas-epoch, report, brpnas-trial, arch2vec, sgemm
# (default: all, in that order). Writes bench/results/latest.md (and every measurement to
# bench/results/latest-measurements.jsonl) and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
REPEATS=3
WEAKNAS_REPEATS=2
BRP_TRIAL_REPEATS=1
ONLY=weaknas,brpnas-epoch,report,brpnas-trial,arch2vec,sgemm
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS=$2; shift 2 ;;
    --weaknas-repeats) WEAKNAS_REPEATS=$2; shift 2 ;;
    --brpnas-trial-repeats) BRP_TRIAL_REPEATS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
SCRATCH=$BENCH/.data
mkdir -p "$SCRATCH" "$BENCH/results"

# 1. The Python environment (pinned; see bench/requirements.txt).
PY=$BENCH/.venv/bin/python
if ! [ -x "$PY" ] || ! "$PY" -c "import numpy, pandas, sklearn, torch" 2>/dev/null; then
  python3 -m venv "$BENCH/.venv"
  "$PY" -m pip install --quiet -r "$BENCH/requirements.txt"
fi
"$PY" -c "import numpy, pandas, sklearn, torch; print('python', __import__('sys').version.split()[0], 'numpy', numpy.__version__, 'pandas', pandas.__version__, 'scikit-learn', sklearn.__version__, 'torch', torch.__version__)" | tee "$SCRATCH/versions.txt"

# 2. nasarena, release.
swift build -c release --product nasarena 2>&1 | tail -1
NASARENA=$ROOT/.build/release/nasarena

# 3. The data both sides read: nb201-cifar10 exported by nasarena.
DATA=$SCRATCH/nb201-cifar10.json
[ -s "$DATA" ] || "$NASARENA" perf --section side-by-side --export-data "$DATA"

MEASURED=$SCRATCH/measurements.jsonl
: > "$MEASURED"
tag() { "$PY" "$BENCH/python/tag.py" "$1" "$2" >> "$MEASURED"; }
py() { (cd "$BENCH/python" && "$PY" "$@"); }
swift_side() {  # swift_side REPEAT WORKLOAD [extra perf options]: OpenBLAS, then the portable kernel
  local repeat=$1 workload=$2; shift 2
  "$NASARENA" perf --section side-by-side --side-by-side "$workload" "$@" | tag nasarena-openblas "$repeat"
  NASARENA_MATMUL=portable "$NASARENA" perf --section side-by-side --side-by-side "$workload" "$@" | tag nasarena-portable "$repeat"
}
step() { echo "$(date -u +%H:%M:%S) $*" >&2; }

if wants weaknas; then
  for r in $(seq 1 "$WEAKNAS_REPEATS"); do
    step "weaknas trial, repeat $r"
    py weaknas.py --data "$DATA" --seed "$r" | tag python "$r"
    swift_side "$r" weaknas-trial
  done
fi

if wants brpnas-epoch; then
  for r in $(seq 1 "$REPEATS"); do
    for n in 20 100; do
      step "brp-nas epoch n=$n, repeat $r"
      py brpnas.py --data "$DATA" --workload "eagle-epoch-$n" | tag python-eagle "$r"
      py brpnas.py --data "$DATA" --workload "efficient-epoch-$n" | tag python-efficient "$r"
      swift_side "$r" "brpnas-epoch-$n"
    done
  done
fi

if wants report; then
  LOG=$SCRATCH/report-log
  if ! [ -s "$LOG/queries.jsonl" ]; then
    step "writing the 1.2M-query log"
    rm -rf "$LOG"
    "$NASARENA" run "$BENCH/report-suite.yaml" --output "$LOG" --quiet --no-report
  fi
  LOGFILE=$LOG/queries.jsonl
  for r in $(seq 1 "$REPEATS"); do
    step "report, repeat $r"
    /usr/bin/time -f '%e %M' -o "$SCRATCH/time.txt" "$PY" "$BENCH/python/report_pandas.py" --log "$LOGFILE" > "$SCRATCH/py.json"
    read -r wall rss < "$SCRATCH/time.txt"
    "$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); d['work']['processSeconds']=float(sys.argv[2]); d['work']['peakMB']=int(sys.argv[3])/1024; d['seconds']=float(sys.argv[2]); print(json.dumps(d))" \
      "$SCRATCH/py.json" "$wall" "$rss" | tag python "$r"
    rm -rf "$SCRATCH/report-out"
    /usr/bin/time -f '%e %M' -o "$SCRATCH/time.txt" "$NASARENA" report "$LOG" --output "$SCRATCH/report-out" > /dev/null
    read -r wall rss < "$SCRATCH/time.txt"
    bytes=$(stat -c %s "$LOGFILE")
    echo "{\"workload\":\"report\",\"backend\":\"-\",\"seconds\":$wall,\"work\":{\"peakMB\":$((rss / 1024)),\"logBytes\":$bytes}}" | tag nasarena-openblas "$r"
  done
fi

if wants brpnas-trial; then
  for r in $(seq 1 "$BRP_TRIAL_REPEATS"); do
    step "brp-nas trial, repeat $r"
    py brpnas.py --data "$DATA" --workload trial | tag python-efficient "$r"
    swift_side "$r" brpnas-trial
  done
fi

if wants arch2vec; then
  for r in $(seq 1 "$REPEATS"); do
    step "arch2vec epoch, repeat $r"
    py arch2vec.py --data "$DATA" | tag python "$r"
    swift_side "$r" arch2vec-epoch
  done
fi

if wants sgemm; then
  step "sgemm"
  py sgemm.py | tag python 1
  swift_side 1 sgemm
fi

cp "$MEASURED" "$BENCH/results/latest-measurements.jsonl"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
"$PY" "$BENCH/python/table.py" "$MEASURED" --versions "$SCRATCH/versions.txt" --load "$LOAD" \
  --repeats "$REPEATS" --weaknas-repeats "$WEAKNAS_REPEATS" --brpnas-trial-repeats "$BRP_TRIAL_REPEATS" | tee "$BENCH/results/latest.md"
