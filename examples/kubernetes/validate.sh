#!/usr/bin/env bash
# Validate the Kubernetes manifests of examples/kubernetes against the Kubernetes API schema,
# offline, with kubernetes-validate (PyPI; it ships the OpenAPI schemas of Kubernetes 1.25 to
# 1.37) installed into a temporary virtual environment that is removed at the end. Strict:
# unknown fields and unknown kinds fail. Then the rules of a Job the schema cannot express
# (restartPolicy, completionMode, an Indexed Job's completions) and that the shard count in
# nasarena's --shard i/N equals the Job's completions.
#
#   examples/kubernetes/validate.sh                      # indexed-job.yaml, Kubernetes 1.25 and 1.37
#   examples/kubernetes/validate.sh --kubernetes 1.29 other.yaml
#
# Exit 0 when every manifest is valid, 1 when one is not, 64 on bad usage or setup.
# Environment: KUBERNETES_VALIDATE_VERSION pins the validator (default 1.37.0).
set -euo pipefail

started_at=$(date +%s.%N)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Indexed Jobs are stable since 1.24: by default the oldest and the newest schema the
# validator ships. --kubernetes (repeatable) checks against your cluster's versions instead.
versions=()
manifests=()
while [ $# -gt 0 ]; do
  case "$1" in
    --kubernetes) versions+=("$2"); shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $1 (see --help)" >&2; exit 64 ;;
    *) manifests+=("$1") ;;
  esac
  shift
done
[ ${#manifests[@]} -gt 0 ] || manifests=("$here/indexed-job.yaml")
for m in "${manifests[@]}"; do [ -f "$m" ] || { echo "no such manifest: $m" >&2; exit 64; }; done
[ ${#versions[@]} -gt 0 ] || versions=(1.25.0 1.37.0)
for i in "${!versions[@]}"; do  # the validator wants major.minor.patch
  case "${versions[$i]}" in *.*.*) ;; *.*) versions[i]="${versions[$i]}.0" ;; esac
done

python=$(command -v python3 || true)
[ -n "$python" ] || { echo "python3 is needed (apt-get install python3 python3-venv)" >&2; exit 64; }

venv=$(mktemp -d "${TMPDIR:-/tmp}/nasarena-k8s-validate.XXXXXX")
trap 'rm -rf "$venv"' EXIT
if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
  # Debian's python3 has no venv module without python3-venv.
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing python3-venv"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -q && apt-get install -y -q --no-install-recommends python3-venv; } >"$venv.apt.log" 2>&1 \
      || { tail -n 20 "$venv.apt.log" >&2; rm -f "$venv.apt.log"; exit 64; }
    rm -f "$venv.apt.log"
    rm -rf "$venv" && mkdir -p "$venv"
    "$python" -m venv "$venv"
  else
    echo "python3 -m venv failed: install python3-venv" >&2
    exit 64
  fi
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  "kubernetes-validate==${KUBERNETES_VALIDATE_VERSION:-1.37.0}" \
  || { echo "could not install kubernetes-validate" >&2; exit 64; }
echo "kubernetes-validate $("$venv/bin/python" -m pip show kubernetes-validate | sed -n 's/^Version: //p')"

status=0
for version in "${versions[@]}"; do
  # --strict: unknown fields are errors (a misspelt key is otherwise dropped by the API server).
  # The validator exits 0 on a kind it has no schema for (a WARN line): only INFO lines pass.
  out=$("$venv/bin/kubernetes-validate" --strict --kubernetes-version "$version" "${manifests[@]}" 2>&1) || status=1
  printf '%s\n' "$out" | sed 's/^/  /'
  if printf '%s\n' "$out" | grep -qv '^INFO .* passed '; then status=1; fi
done

# What the schema cannot say (the API server or nasarena would reject it at run time).
"$venv/bin/python" - "${manifests[@]}" <<'PY' || status=1
import re, sys
import yaml



def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


bad = 0
for path in sys.argv[1:]:
    with open(path) as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    for doc in docs:
        if doc.get("kind") != "Job":
            continue
        name = "%s: job/%s" % (path, doc.get("metadata", {}).get("name"))
        spec = doc.get("spec", {})
        pod = spec.get("template", {}).get("spec", {})
        problems = []
        if pod.get("restartPolicy") not in ("OnFailure", "Never"):
            problems.append("restartPolicy must be OnFailure or Never, not %r" % pod.get("restartPolicy"))
        mode = spec.get("completionMode", "NonIndexed")
        if mode not in ("Indexed", "NonIndexed"):
            problems.append("completionMode must be Indexed or NonIndexed, not %r" % mode)
        completions = spec.get("completions")
        if mode == "Indexed" and not isinstance(completions, int):
            problems.append("an Indexed Job needs completions")
        # nasarena's shard count must be the number of completion indexes.
        text = "\n".join(strings(pod))
        for count in re.findall(r"--shard\s+\S*JOB_COMPLETION_INDEX\S*/(\d+)", text):
            if mode != "Indexed":
                problems.append("--shard from JOB_COMPLETION_INDEX needs completionMode: Indexed")
            if int(count) != completions:
                problems.append("--shard .../%s but completions: %s" % (count, completions))
        if re.search(r"--shard", text) and "JOB_COMPLETION_INDEX" not in text:
            problems.append("--shard does not use JOB_COMPLETION_INDEX")
        for p in problems:
            print("  ERROR %s: %s" % (name, p))
        if not problems:
            print("  INFO %s: Job rules and shard count (%s) consistent" % (name, completions))
        bad += bool(problems)
sys.exit(1 if bad else 0)
PY

took=$(awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
if [ "$status" = 0 ]; then
  echo "PASS: ${#manifests[@]} manifest(s) valid against Kubernetes ${versions[*]} ($took s)"
else
  echo "FAIL: invalid manifest(s) (Kubernetes ${versions[*]}; $took s)" >&2
fi
exit "$status"
