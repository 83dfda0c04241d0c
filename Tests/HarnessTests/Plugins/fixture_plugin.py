#!/usr/bin/env python3
"""A plugin for the harness tests, in one of several behaviours (standard library only):

  works    random search over the domain, seeded by hello's seed, recommending its best
  crash    raises at step 2 (a traceback on stderr, exit status 1)
  hang     never answers the first ask
  garbage  answers the first ask with a line that is not JSON
  outside  proposes pool indices outside the domain, forever
  badtoken proposes a token row of the wrong length
  quiet    answers hello with nothing and exits 0
  idle     does nothing but answer: one domain index per ask (to time the protocol itself)
"""
import json
import random
import sys
import time

mode = sys.argv[1]


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


hello = json.loads(sys.stdin.readline())
print(f"fixture plugin '{mode}' got hello for trial {hello['trial']}", file=sys.stderr, flush=True)
if mode == "quiet":
    sys.exit(0)
space = hello["space"]
domain = space["domain"]
order = list(domain)
random.Random(hello["seed"]).shuffle(order)
domain_set = set(domain)
outside = [i for i in range(space["poolSize"]) if i not in domain_set]
send({"type": "ready"})
best = None
position = 0
for line in sys.stdin:
    message = json.loads(line)
    kind = message["type"]
    if kind == "bye":
        break
    if kind == "tell":
        for observation in message["observations"]:
            if observation["outcome"] == "evaluated" and (best is None or observation["signal"] > best[0]):
                best = (observation["signal"], observation["index"])
        send({"type": "ready", "recommendation": best[1] if best else None})
        continue
    step = message["step"]
    if mode == "crash" and step == 2:
        raise RuntimeError("the fixture crashes at step 2")
    if mode == "hang":
        time.sleep(3600)
    if mode == "garbage":
        sys.stdout.write("this is not json\n")
        sys.stdout.flush()
        continue
    if mode == "outside":
        send({"type": "proposals", "proposals": [{"index": outside[step % len(outside)]}]})
        continue
    if mode == "badtoken":
        send({"type": "proposals", "proposals": [{"tokens": [0]}]})
        continue
    count = 1 if mode == "idle" else min(message["count"], 10)
    batch = order[position:position + count]
    position += len(batch)
    send({"type": "proposals", "proposals": [{"index": i} for i in batch]})
print("fixture plugin done", file=sys.stderr, flush=True)
