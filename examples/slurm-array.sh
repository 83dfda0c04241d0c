#!/usr/bin/env bash
# Run a suite as a Slurm job array: one shard per array task, then merge.
#   sbatch --array=0-7 examples/slurm-array.sh configs/nb201.yaml results/nb201
# After all array tasks end:
#   nasarena merge results/nb201 results/nb201-shard-*
#SBATCH --job-name=nasarena
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
set -euo pipefail
suite="$1"
out="$2"
count="${SLURM_ARRAY_TASK_COUNT:?run as a job array (sbatch --array=0-N)}"
index="${SLURM_ARRAY_TASK_ID:?run as a job array}"
folder="${out}-shard-${index}"
if [ -f "$folder/queries.jsonl" ]; then
  # A requeued array task continues where it was stopped.
  exec .build/release/nasarena run --resume "$folder" --quiet
fi
exec .build/release/nasarena run "$suite" --shard "${index}/${count}" --output "$folder" --quiet
