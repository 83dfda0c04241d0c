#!/usr/bin/env bash
# Run a suite as a Slurm job array: one shard per array task, then merge.
# Submit from the repository (the job runs in the submission directory, which must be on
# storage every node sees, like the output folder):
#   sbatch --array=0-7 examples/slurm/array-job.sh configs/nb201.yaml results/nb201
# After all array tasks end:
#   nasarena merge results/nb201 results/nb201-shard-*
# The binary is $NASARENA (default .build/release/nasarena, relative to the repository).
# A single-node cluster that runs this end to end: examples/slurm/run-local-cluster.sh.
#SBATCH --job-name=nasarena
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
set -euo pipefail
suite="$1"
out="$2"
nasarena="${NASARENA:-.build/release/nasarena}"
count="${SLURM_ARRAY_TASK_COUNT:?run as a job array (sbatch --array=0-N)}"
index="${SLURM_ARRAY_TASK_ID:?run as a job array}"
folder="${out}-shard-${index}"
if [ -f "$folder/queries.jsonl" ]; then
  # A requeued array task continues where it was stopped.
  exec "$nasarena" run --resume "$folder" --quiet
fi
exec "$nasarena" run "$suite" --shard "${index}/${count}" --output "$folder" --quiet
