"""Adds the variant and repeat to each JSON measurement line on stdin (run.sh's log)."""
import json
import sys

variant, repeat = sys.argv[1], int(sys.argv[2])
for line in sys.stdin:
    line = line.strip()
    if line.startswith("{"):
        record = json.loads(line)
        record["variant"], record["repeat"] = variant, repeat
        print(json.dumps(record, sort_keys=True))
        sys.stdout.flush()
    elif line:
        print(line, file=sys.stderr)
