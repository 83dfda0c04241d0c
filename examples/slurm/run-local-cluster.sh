#!/usr/bin/env bash
# End-to-end check of the Slurm job-array example on a throw-away single-node cluster:
# install Slurm and MUNGE (Debian/Ubuntu apt) if missing, start munged, slurmctld and slurmd
# with a minimal configuration, submit examples/slurm/array-job.sh as a 4-task array over a
# small suite, merge the shards, run the suite unsharded and check both runs are equal.
#
#   swift build -c release
#   sudo examples/slurm/run-local-cluster.sh            # PASS/FAIL, exit 0/1
#
# Options:
#   --keep          leave the daemons running at the end (then: export SLURM_CONF=...; sinfo)
#   --stop          stop daemons left by --keep and exit
#   --suite FILE    suite to run (default examples/slurm/suite.yaml)
#   --shards N      array tasks / shards (default 4)
#   --output DIR    folder for the shard, merged and unsharded runs (default: a new temp folder)
# Environment:
#   NASARENA           the binary (default .build/release/nasarena in the repository)
#   NASARENA_SLURM_DIR configuration, state, spool and logs of the cluster
#                      (default /var/lib/nasarena-slurm)
#   NASARENA_SLURM_TIMEOUT seconds to wait for the array job (default 600)
#
# Needs root (apt, munge key, daemons). Works without systemd and without cgroups
# (proctrack/linuxproc, task/none): the daemons are started directly. It uses its own
# slurm.conf through SLURM_CONF and never touches /etc/slurm; it refuses to start when
# another slurmctld or slurmd is already running.
set -euo pipefail

started_at=$(date +%s.%N)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

keep=0
stop_only=0
suite=examples/slurm/suite.yaml
shards=4
output=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --stop) stop_only=1 ;;
    --suite) suite="$2"; shift ;;
    --shards) shards="$2"; shift ;;
    --output) output="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 64 ;;
  esac
  shift
done

dir="${NASARENA_SLURM_DIR:-/var/lib/nasarena-slurm}"
timeout="${NASARENA_SLURM_TIMEOUT:-600}"
export SLURM_CONF="$dir/slurm.conf"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ]; then
  echo "run as root (it installs packages, writes the munge key and starts daemons)" >&2
  exit 64
fi

# ---------- daemons: start and stop only what this script owns (pid files in $dir) ----------
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
# running NAME: some process with this command name exists (no procps on minimal images).
running() {
  local p
  for p in /proc/[0-9]*; do [ "$(cat "$p/comm" 2>/dev/null)" = "$1" ] && return 0; done
  return 1
}

stop_pidfile() {  # stop_pidfile NAME PIDFILE
  local pidfile="$2" pid i
  alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$pidfile"
  log "stopped $1 (pid $pid)"
}

stop_cluster() {
  stop_pidfile slurmd "$dir/slurmd.pid"
  stop_pidfile slurmctld "$dir/slurmctld.pid"
  # munged only when this script started it (an existing munged is left alone).
  stop_pidfile munged "$dir/munged.pid"
}

if [ "$stop_only" = 1 ]; then
  stop_cluster
  exit 0
fi

jobid=""
cleanup() {
  local rc=$?
  if [ -n "$jobid" ] && command -v scancel >/dev/null && alive "$dir/slurmctld.pid"; then
    scancel "$jobid" 2>/dev/null || true
  fi
  if [ "$keep" = 1 ]; then
    log "daemons left running (--keep): export SLURM_CONF=$SLURM_CONF; stop with $0 --stop"
  else
    stop_cluster
  fi
  log "took $(elapsed "$started_at") s in all (exit $rc)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------- the binary and the suite ----------
nasarena="${NASARENA:-.build/release/nasarena}"
case "$nasarena" in /*) ;; */*) nasarena="$repo/$nasarena" ;; *) nasarena=$(command -v "$nasarena" || echo "$nasarena") ;; esac
[ -x "$nasarena" ] || { echo "no nasarena binary at $nasarena: run 'swift build -c release' or set NASARENA" >&2; exit 64; }
[ -f "$suite" ] || { echo "no suite $suite" >&2; exit 64; }
"$nasarena" validate "$suite" >/dev/null || { echo "$nasarena validate $suite failed" >&2; exit 64; }

# ---------- install what is missing (idempotent) ----------
phase=$(date +%s.%N)
missing=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
have slurmctld && have slurmd && have sbatch && have scontrol || missing+=(slurm-wlm)
have munged && have munge || missing+=(munge)
have python3 || missing+=(python3)
mkdir -p "$dir/log"
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]} (apt log: $dir/log/apt.log)"
  export DEBIAN_FRONTEND=noninteractive
  # The daemons are started below, by hand; the packages' own services are not used.
  if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
      >"$dir/log/apt.log" 2>&1; then
    tail -n 20 "$dir/log/apt.log" >&2
    fail "apt-get install ${missing[*]} failed"
  fi
fi
export PATH="$PATH:/usr/sbin:/sbin"
log "slurm $(dpkg-query -W -f='${Version}' slurmctld 2>/dev/null || echo '(not from apt)'), munge $(dpkg-query -W -f='${Version}' munge 2>/dev/null || echo '(not from apt)'): ready in $(elapsed "$phase") s"

# ---------- refuse to fight a cluster this script does not own ----------
if alive "$dir/slurmctld.pid" || alive "$dir/slurmd.pid"; then
  log "restarting the cluster left by a previous --keep"
  stop_pidfile slurmd "$dir/slurmd.pid"
  stop_pidfile slurmctld "$dir/slurmctld.pid"
fi
for daemon in slurmctld slurmd; do
  if running "$daemon"; then
    echo "another $daemon is running (not started by this script); stop it first" >&2
    trap - EXIT; exit 64
  fi
done

# ---------- MUNGE ----------
phase=$(date +%s.%N)
install -d -m 0700 -o munge -g munge /etc/munge /var/lib/munge /var/log/munge
install -d -m 0755 -o munge -g munge /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  if command -v mungekey >/dev/null 2>&1; then
    mungekey --create --keyfile=/etc/munge/munge.key
  else
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  fi
  log "created /etc/munge/munge.key"
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
  log "munged already running; using it"
else
  mkdir -p "$dir"
  runuser -u munge -- munged
  for i in $(seq 1 50); do
    munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && break
    sleep 0.1
  done
  munge -n </dev/null | unmunge >/dev/null || fail "munged does not answer (see /var/log/munge/munged.log)"
  cp /run/munge/munged.pid "$dir/munged.pid"
  log "started munged (pid $(cat "$dir/munged.pid"))"
fi

# ---------- slurm.conf ----------
host=$(hostname -s)
# NodeName=<host> CPUs=... Boards=... SocketsPerBoard=... CoresPerSocket=... ThreadsPerCore=... RealMemory=...
node=$(slurmd -C | head -n 1 | sed "s/^NodeName=[^ ]*/NodeName=$host/")
mkdir -p "$dir/state" "$dir/spool" "$dir/log"
cat >"$SLURM_CONF" <<EOF
# Written by examples/slurm/run-local-cluster.sh: a single-node cluster.
ClusterName=nasarena-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
# No cgroups needed: processes are tracked by parent pid, tasks are not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
# Several 1-CPU array tasks at once; memory is not a consumable resource.
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
# Keep finished jobs visible to scontrol for an hour (the exit-code check reads them).
MinJobAge=3600
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
log "wrote $SLURM_CONF: $node"

# ---------- slurmctld, slurmd ----------
: >"$dir/log/slurmctld.log"; : >"$dir/log/slurmd.log"
# -c: start from an empty state (no jobs of an earlier run); -i: ignore stale state errors.
slurmctld -c -i -f "$SLURM_CONF" || fail "slurmctld did not start (see $dir/log/slurmctld.log)"
for i in $(seq 1 100); do scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.2; done
scontrol ping | grep -q UP || fail "slurmctld does not answer (see $dir/log/slurmctld.log)"
slurmd -f "$SLURM_CONF" -N "$host" || fail "slurmd did not start (see $dir/log/slurmd.log)"
state=""
for i in $(seq 1 150); do
  state=$(sinfo -h -N -n "$host" -o '%T' 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || fail "node $host is '$state', not idle (see $dir/log/slurmd.log, $dir/log/slurmctld.log)"
log "cluster up in $(elapsed "$phase") s:"
sinfo -h -N -o '  node %N, partition %P: %T, %c CPUs, %m MB'

# ---------- the array job ----------
if [ -z "$output" ]; then
  output=$(mktemp -d "${TMPDIR:-/tmp}/nasarena-slurm.XXXXXX")
else
  mkdir -p "$output"
  output=$(cd "$output" && pwd)
fi
[ -z "$(ls -A "$output")" ] || fail "output folder $output is not empty"
phase=$(date +%s.%N)
last=$((shards - 1))
jobid=$(NASARENA="$nasarena" sbatch --parsable --array="0-$last" --cpus-per-task=1 \
  --time=00:30:00 --chdir="$repo" --output="$output/slurm-%A_%a.out" --export=ALL \
  examples/slurm/array-job.sh "$suite" "$output/run")
jobid=${jobid%%;*}
log "submitted job array $jobid (tasks 0-$last) from $repo"
deadline=$(( $(date +%s) + timeout ))
while :; do
  left=$(squeue -h -j "$jobid" -o '%i' 2>/dev/null | wc -l)
  [ "$left" -eq 0 ] && break
  [ "$(date +%s)" -lt "$deadline" ] || fail "job $jobid still has $left tasks after $timeout s"
  sleep 0.5
done
# Most tasks of the array running at once, from slurmctld's allocate/complete log lines.
overlap=$(awk -v j="JobId=${jobid}_" '
  index($0, "sched: Allocate " j) { n++; if (n > max) max = n }
  index($0, "_job_complete: " j) && / done$/ { n-- }
  END { print max + 0 }' "$dir/log/slurmctld.log")
log "array job done in $(elapsed "$phase") s; at most $overlap tasks ran at once"

# Every array task must have completed with exit code 0.
bad=0
for i in $(seq 0 "$last"); do
  info=$(scontrol -o show job "${jobid}_$i" 2>/dev/null || true)
  st=$(grep -o 'JobState=[A-Z_]*' <<<"$info" | head -n 1 | cut -d= -f2)
  ec=$(grep -o ' ExitCode=[0-9:]*' <<<"$info" | head -n 1 | cut -d= -f2)
  nodes=$(grep -o ' NodeList=[^ ]*' <<<"$info" | head -n 1 | cut -d= -f2)
  cpus=$(grep -o ' NumCPUs=[0-9]*' <<<"$info" | head -n 1 | cut -d= -f2)
  wd=$(grep -o ' WorkDir=[^ ]*' <<<"$info" | head -n 1 | cut -d= -f2)
  echo "  task $i: ${st:-unknown}, exit ${ec:-unknown}, node ${nodes:-?}, ${cpus:-?} CPU, in ${wd:-?} -> $output/run-shard-$i"
  if [ "$st" != COMPLETED ] || [ "$ec" != 0:0 ]; then
    bad=1
    sed 's/^/    | /' "$output/slurm-${jobid}_$i.out" 2>/dev/null || true
  fi
done
[ "$bad" = 0 ] || fail "some array tasks did not exit 0"

# ---------- merge, unsharded run, comparison ----------
phase=$(date +%s.%N)
shard_folders=()
for i in $(seq 0 "$last"); do shard_folders+=("$output/run-shard-$i"); done
"$nasarena" merge "$output/merged" "${shard_folders[@]}"
"$nasarena" run "$suite" --output "$output/unsharded" --quiet
"$nasarena" report "$output/merged" >/dev/null
"$nasarena" report "$output/unsharded" >/dev/null

# The runs must hold the same records: the query and trial lines without their wall-clock
# fields (methodSeconds and the line checksum that covers it), every table without its
# wall-clock column, the same manifest and summary.md but for start/end time and worker count.
compare_ok=1
python3 - "$output/merged" "$output/unsharded" <<'PY' || compare_ok=0
import csv, json, os, re, sys

merged, unsharded = sys.argv[1], sys.argv[2]
WALL_CLOCK_FIELDS = {"methodSeconds", "crc"}
WALL_CLOCK_COLUMNS = {"method_seconds"}
problems = []


def log_records(folder):
    records = []
    with open(os.path.join(folder, "queries.jsonl")) as f:
        for line in f:
            record = json.loads(line)
            for field in WALL_CLOCK_FIELDS:
                record.pop(field, None)
            records.append(json.dumps(record, sort_keys=True))
    return records


a, b = log_records(merged), log_records(unsharded)
kinds = {}
for r in a:
    kind = json.loads(r).get("kind")
    kinds[kind] = kinds.get(kind, 0) + 1
if sorted(a) != sorted(b):
    problems.append("queries.jsonl: %d vs %d records, %d differ"
                    % (len(a), len(b), len(set(a) ^ set(b))))
order = "same order" if a == b else "same records, different order"
print("  queries.jsonl: %s (%s)" % (", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items())),
                                      order if not problems else "DIFFERENT"))


def table(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    keep = [i for i, name in enumerate(header) if name not in WALL_CLOCK_COLUMNS]
    return [header[i] for i in keep], sorted([row[i] for i in keep] for row in body)


csvs = sorted(n for n in os.listdir(unsharded) if n.endswith(".csv"))
if csvs != sorted(n for n in os.listdir(merged) if n.endswith(".csv")):
    problems.append("the runs have different tables")
for name in csvs:
    ha, ra = table(os.path.join(merged, name))
    hb, rb = table(os.path.join(unsharded, name))
    same = ha == hb and ra == rb
    if not same:
        problems.append(name)
    print("  %-24s %5d rows %s" % (name, len(rb), "equal" if same else "DIFFERENT"))


def manifest(folder):
    with open(os.path.join(folder, "manifest.json")) as f:
        m = json.load(f)
    for key in ("started", "ended", "workers"):
        m.pop(key, None)
    return m


ma, mb = manifest(merged), manifest(unsharded)
if ma != mb:
    problems.append("manifest.json: %s differ" % sorted(k for k in set(ma) | set(mb) if ma.get(k) != mb.get(k)))
print("  manifest.json: %d facts %s" % (len(mb), "equal" if ma == mb else "DIFFERENT"))


def summary(folder):
    # Drop the facts that differ by nature (times, workers) and the wall-clock column
    # of the Proposals tables ("method s / trial").
    out, drop = [], None
    for line in open(os.path.join(folder, "summary.md")):
        if re.match(r"\| (started|ended|workers) \|", line):
            continue
        if line.startswith("|"):
            cells = line.rstrip("\n").split("|")
            if any(c.strip() == "method s / trial" for c in cells):
                drop = [i for i, c in enumerate(cells) if c.strip() == "method s / trial"]
            if drop and len(cells) > max(drop):
                cells = [c for i, c in enumerate(cells) if i not in drop]
            line = "|".join(cells) + "\n"
        else:
            drop = None
        out.append(line)
    return out


sa, sb = summary(merged), summary(unsharded)
tables = sum(1 for l in sb if l.startswith("| ---") or l.startswith("| :"))
if sa != sb:
    diff = [(x, y) for x, y in zip(sa, sb) if x != y][:3]
    problems.append("summary.md differs: %r" % diff)
print("  summary.md: %d lines, %d tables %s" % (len(sb), tables, "equal" if sa == sb else "DIFFERENT"))

if problems:
    print("  differences: " + "; ".join(problems))
    sys.exit(1)
PY
log "merge, unsharded run and comparison in $(elapsed "$phase") s"
[ "$compare_ok" = 1 ] || fail "the merged run differs from the unsharded one ($output)"

echo "PASS: $shards Slurm array tasks of $suite merged equal the unsharded run ($output) in $(elapsed "$started_at") s"
