"""A fake NASArena harness for testing plugins without the Swift build.

It plays the harness's side of protocol version 1 (docs/PLUGINS.md) over a small made-up
space: a product of token vocabularies (optionally with invalid rows left out of the pool and
some pool rows left out of the domain), signals from a function of the token row, a query
budget and the harness's duplicate (free repeats), refusal and stall rules. It checks every
line the plugin writes as strictly as the harness does and records what happened.

From the command line it runs a plugin program for one trial and prints a summary::

    python3 python/tests/fake_harness.py --positions 6 --tokens 5 --budget 100 --seed 1 \\
        -- python3 plugins/mlp_predictor.py
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import random
import select
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

Row = Tuple[int, ...]


# ----------------------------------------------------------------------------- the space


class FakeSpace:
    """A product space of token rows with signals from ``signal(row)``.

    The pool holds every row for which ``valid(row)`` is true, in product order; the domain is
    the pool indices for which ``labelled(index, row)`` is true.
    """

    def __init__(
        self,
        vocabulary_sizes: Sequence[int],
        signal: Callable[[Row], float],
        *,
        name: str = "fake",
        valid: Optional[Callable[[Row], bool]] = None,
        labelled: Optional[Callable[[int, Row], bool]] = None,
    ):
        self.name = name
        self.vocabulary_sizes = list(vocabulary_sizes)
        every = itertools.product(*(range(v) for v in self.vocabulary_sizes))
        self.valid_rule = valid or (lambda row: True)
        self.pool: List[Row] = [row for row in every if self.valid_rule(row)]
        self.index_of: Dict[Row, int] = {row: i for i, row in enumerate(self.pool)}
        labelled = labelled or (lambda index, row: True)
        self.domain: List[int] = [i for i, row in enumerate(self.pool) if labelled(i, row)]
        self.domain_set = set(self.domain)
        self.signals: Dict[int, float] = {i: float(signal(self.pool[i])) for i in self.domain}
        self.costs: Dict[int, float] = {i: 100.0 + (i % 7) for i in self.domain}

    @property
    def pool_size(self) -> int:
        return len(self.pool)

    def initial_design(self, seed: int, length: int = 1000) -> List[int]:
        """The trial's shared initial design: a seeded random order of the domain, cut."""
        order = list(self.domain)
        random.Random(seed * 7919 + 17).shuffle(order)
        return order[:length]

    def one_hot(self, row: Row) -> List[float]:
        vector: List[float] = []
        for t, size in zip(row, self.vocabulary_sizes):
            block = [0.0] * size
            block[t] = 1.0
            vector += block
        return vector

    def hello(self, seed: int, trial: int = 0, options: Any = None, method: str = "fake-plugin",
              encoding: Optional[str] = None, protocol: int = 1) -> Dict[str, Any]:
        positions = [
            {"name": "position %d" % k, "role": "operation", "values": list(range(size)),
             "valueNames": ["op%d" % t for t in range(size)]}
            for k, size in enumerate(self.vocabulary_sizes)
        ]
        features = [self.one_hot(self.pool[i]) for i in self.domain] if encoding else None
        return {
            "type": "hello", "protocol": protocol, "method": method, "trial": trial, "seed": seed,
            "options": options,
            "space": {
                "name": self.name, "poolSize": self.pool_size, "domainSize": len(self.domain),
                "positions": positions, "domain": self.domain,
                "tokens": [list(self.pool[i]) for i in self.domain],
                "encoding": encoding, "features": features,
            },
            "initialDesign": self.initial_design(seed),
        }

    def best_signal(self) -> float:
        return max(self.signals.values())


def additive_space(vocabulary_sizes: Sequence[int], weights_seed: int = 0, **keywords: Any) -> FakeSpace:
    """A space whose signal is a sum of per-position token weights (plus nothing else)."""
    rng = random.Random(weights_seed)
    weights = [[rng.uniform(0.0, 1.0) for _ in range(size)] for size in vocabulary_sizes]
    return FakeSpace(vocabulary_sizes, lambda row: sum(w[t] for w, t in zip(weights, row)), **keywords)


def random_signal_space(vocabulary_sizes: Sequence[int], weights_seed: int = 0, **keywords: Any) -> FakeSpace:
    """A space whose signal is unrelated to the tokens (made-up numbers per row)."""
    def signal(row: Row) -> float:
        return random.Random(hash((weights_seed,) + row)).uniform(50.0, 95.0)

    return FakeSpace(vocabulary_sizes, signal, **keywords)


# ----------------------------------------------------------------------------- transport


class PluginFailure(Exception):
    """The plugin broke the protocol (or sent ``error``); the trial fails."""


class _Channel:
    """JSON lines over a pair of file descriptors, with read timeouts."""

    def __init__(self, write_fd: int, read_fd: int, timeout: float, close: Optional[Callable[[], None]] = None):
        self.write_fd = write_fd
        self._close = close
        self.read_fd = read_fd
        self.timeout = timeout
        self.buffer = b""
        self.lines: List[str] = []  # everything the plugin wrote

    def send(self, message: Dict[str, Any]) -> None:
        data = (json.dumps(message, separators=(",", ":")) + "\n").encode()
        try:
            while data:
                data = data[os.write(self.write_fd, data):]
        except BrokenPipeError:
            raise PluginFailure("the plugin stopped reading its stdin") from None

    def close_input(self) -> None:
        if self.write_fd >= 0:
            try:
                if self._close is not None:
                    self._close()
                else:
                    os.close(self.write_fd)
            except OSError:
                pass
            self.write_fd = -1

    def receive(self) -> Dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise PluginFailure("no answer within %.0f s" % self.timeout)
            ready, _, _ = select.select([self.read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.read_fd, 65536)
            if not chunk:
                raise PluginFailure("the plugin closed its stdout; unfinished line %r" % self.buffer[:200])
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        text = line.decode("utf-8")
        self.lines.append(text)
        try:
            message = json.loads(text)
        except ValueError:
            raise PluginFailure("a line that is not JSON: %r" % text[:200]) from None
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            raise PluginFailure("a line without a string 'type': %r" % text[:200])
        if message["type"] == "error":
            raise PluginFailure("the plugin reported an error: %s" % message.get("message"))
        return message

    def rest(self, timeout: float = 5.0) -> str:
        """Whatever else the plugin writes to stdout until it closes it."""
        deadline = time.monotonic() + timeout
        data = self.buffer
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.read_fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(self.read_fd, 65536)
            if not chunk:
                break
            data += chunk
        self.buffer = b""
        return data.decode("utf-8", "replace")


# ----------------------------------------------------------------------------- the harness


class TrialResult:
    """What happened in one fake trial."""

    def __init__(self) -> None:
        self.status = "completed"  # completed, exhausted or failed
        self.message: Optional[str] = None
        self.queries: List[Tuple[int, float, bool]] = []  # (pool index, signal, initial) of new queries
        self.proposals: List[Dict[str, Any]] = []  # every proposal as sent
        self.observations: List[Dict[str, Any]] = []  # every observation as told
        self.recommendations: List[int] = []
        self.steps = 0
        self.returncode: Optional[int] = None
        self.stderr = ""
        self.lines: List[str] = []  # every line the plugin wrote to stdout
        self.trailing_stdout = ""  # what the plugin wrote after its last answer
        self.seconds = 0.0

    @property
    def best(self) -> float:
        return max(signal for _, signal, _ in self.queries)

    @property
    def query_indices(self) -> List[int]:
        return [index for index, _, _ in self.queries]

    def __repr__(self) -> str:
        return "TrialResult(status=%r, queries=%d, steps=%d, returncode=%r, message=%r)" % (
            self.status, len(self.queries), self.steps, self.returncode, self.message)


class FakeHarness:
    """Plays one trial of the harness against a plugin."""

    stall_limit = 1000

    def __init__(self, space: FakeSpace, budget: int, seed: int = 1, *, options: Any = None, trial: int = 0,
                 duplicates: str = "free", encoding: Optional[str] = None, timeout: float = 30.0):
        self.space = space
        self.budget = budget
        self.seed = seed
        self.options = options
        self.trial = trial
        self.duplicates = duplicates
        self.encoding = encoding
        self.timeout = timeout

    # ------------------------------------------------------------------------- drivers

    def run_command(self, command: Sequence[str], cwd: Optional[str] = None, env: Optional[Dict[str, str]] = None) -> TrialResult:
        """Runs the plugin program ``command`` for one trial."""
        with tempfile.TemporaryFile() as stderr:
            process = subprocess.Popen(list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                       cwd=cwd, env=env)
            channel = _Channel(process.stdin.fileno(), process.stdout.fileno(), self.timeout, close=process.stdin.close)
            result = self._trial(channel)
            channel.close_input()
            result.trailing_stdout = channel.rest()
            try:
                result.returncode = process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                result.returncode = process.wait()
            process.stdout.close()
            stderr.seek(0)
            result.stderr = stderr.read().decode("utf-8", "replace")
        return result

    def run_method(self, method_class: Any) -> TrialResult:
        """Runs ``nasarena_plugin.run(method_class)`` in a thread of this process for one trial
        (``returncode`` is what ``run`` returned)."""
        import nasarena_plugin

        to_plugin_read, to_plugin_write = os.pipe()
        from_plugin_read, from_plugin_write = os.pipe()
        plugin_in = os.fdopen(to_plugin_read, "rb")
        plugin_out = os.fdopen(from_plugin_write, "wb")
        plugin_err = io.StringIO()
        outcome: Dict[str, Any] = {}

        def serve() -> None:
            try:
                outcome["status"] = nasarena_plugin.run(method_class, stdin=plugin_in, stdout=plugin_out,
                                                        stderr=plugin_err, exit=False)
            finally:
                plugin_out.close()
                plugin_in.close()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        channel = _Channel(to_plugin_write, from_plugin_read, self.timeout)
        result = self._trial(channel)
        channel.close_input()
        result.trailing_stdout = channel.rest()
        thread.join(10)
        os.close(from_plugin_read)
        result.returncode = outcome.get("status")
        result.stderr = plugin_err.getvalue()
        return result

    # ------------------------------------------------------------------------- the trial

    def _trial(self, channel: _Channel) -> TrialResult:
        result = TrialResult()
        start = time.monotonic()
        try:
            self._converse(channel, result)
        except PluginFailure as failure:
            result.status = "failed"
            result.message = "step %d: %s" % (result.steps, failure)
        result.seconds = time.monotonic() - start
        result.lines = channel.lines
        return result

    def _converse(self, channel: _Channel, result: TrialResult) -> None:
        space = self.space
        channel.send(space.hello(self.seed, self.trial, self.options, encoding=self.encoding))
        self._expect(channel.receive(), "ready", result)
        signals: Dict[int, float] = {}
        queries = 0
        stalled = 0
        budget_reached = False
        step = 0

        def remaining() -> int:
            unqueried = len(space.domain) - len(signals)
            left = self.budget - queries
            return max(0, min(left, unqueried if self.duplicates == "free" else left))

        while not budget_reached and remaining() > 0:
            channel.send({"type": "ask", "step": step, "count": remaining()})
            message = self._expect(channel.receive(), "proposals", result)
            items = message.get("proposals")
            if not isinstance(items, list):
                raise PluginFailure("'proposals' must be a list")
            if not items:
                result.status = "exhausted"
                break
            observations = []
            before = queries
            for k, item in enumerate(items):
                target, initial = self._proposal(item, k)
                result.proposals.append(item)
                if isinstance(target, tuple):
                    if not space.valid_rule(target):
                        observations.append({"outcome": "refused", "index": None, "reason": "invalid"})
                        continue
                    index = space.index_of.get(target)
                    if index is None:
                        observations.append({"outcome": "refused", "index": None, "reason": "not-in-pool"})
                        continue
                else:
                    index = target
                if index not in space.domain_set:
                    observations.append({"outcome": "refused", "index": None, "reason": "outside-domain"})
                    continue
                if budget_reached:
                    observations.append({"outcome": "not-evaluated", "index": index})
                    continue
                if index in signals:
                    if self.duplicates == "counted":
                        queries += 1
                        result.queries.append((index, signals[index], initial))
                        budget_reached = queries >= self.budget
                    observations.append({"outcome": "repeated", "index": index, "signal": signals[index]})
                    continue
                signal = space.signals[index]
                signals[index] = signal
                queries += 1
                result.queries.append((index, signal, initial))
                observations.append({"outcome": "evaluated", "index": index, "signal": signal, "cost": space.costs[index]})
                budget_reached = queries >= self.budget
            result.observations += observations
            channel.send({"type": "tell", "step": step, "observations": observations})
            self._expect(channel.receive(), "ready", result)
            step += 1
            result.steps = step
            stalled = stalled + 1 if queries == before else 0
            if stalled >= self.stall_limit:
                raise PluginFailure("no new query in %d consecutive steps" % self.stall_limit)
        if result.status == "completed" and not budget_reached:
            result.status = "exhausted"
        channel.send({"type": "bye", "reason": "budget" if budget_reached else "exhausted"})

    def _expect(self, message: Dict[str, Any], kind: str, result: TrialResult) -> Dict[str, Any]:
        if message["type"] != kind:
            raise PluginFailure("expected a '%s' message, got %r" % (kind, message["type"]))
        allowed = {"type", "recommendation"} | ({"proposals"} if kind == "proposals" else set())
        unknown = set(message) - allowed
        if unknown:
            raise PluginFailure("unknown keys %s in '%s'" % (sorted(unknown), kind))
        pick = message.get("recommendation")
        if pick is not None:
            if isinstance(pick, bool) or not isinstance(pick, int) or not 0 <= pick < self.space.pool_size:
                raise PluginFailure("'recommendation' must be a pool index, not %r" % (pick,))
            result.recommendations.append(pick)
        return message

    def _proposal(self, item: Any, k: int) -> Tuple[Any, bool]:
        if not isinstance(item, dict):
            raise PluginFailure("proposal %d: not an object" % k)
        unknown = set(item) - {"index", "tokens", "initial"}
        if unknown:
            raise PluginFailure("proposal %d: unknown keys %s" % (k, sorted(unknown)))
        initial = item.get("initial", False)
        if not isinstance(initial, bool):
            raise PluginFailure("proposal %d: 'initial' must be a boolean" % k)
        if ("index" in item) == ("tokens" in item):
            raise PluginFailure("proposal %d: needs exactly one of 'index' and 'tokens'" % k)
        if "index" in item:
            index = item["index"]
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < self.space.pool_size:
                raise PluginFailure("proposal %d: pool index %r outside the pool" % (k, index))
            return index, initial
        row = item["tokens"]
        sizes = self.space.vocabulary_sizes
        if (not isinstance(row, list) or len(row) != len(sizes)
                or any(isinstance(t, bool) or not isinstance(t, int) or not 0 <= t < s for t, s in zip(row, sizes))):
            raise PluginFailure("proposal %d: 'tokens' must be %d token ids within %r, not %r" % (k, len(sizes), sizes, row))
        return tuple(row), initial


# ----------------------------------------------------------------------------- command line


def main(arguments: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Run a plugin program for one trial against a fake harness.")
    parser.add_argument("--positions", type=int, default=6)
    parser.add_argument("--tokens", type=int, default=5)
    parser.add_argument("--signal", choices=["additive", "random"], default="additive")
    parser.add_argument("--budget", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--options", default="null", help="the options as JSON")
    parser.add_argument("--encoding", default=None, help="send one-hot features under this encoding name")
    parser.add_argument("command", nargs="+", help="the plugin program and its arguments (after --)")
    parsed = parser.parse_args(arguments)
    build = additive_space if parsed.signal == "additive" else random_signal_space
    space = build([parsed.tokens] * parsed.positions)
    harness = FakeHarness(space, parsed.budget, parsed.seed, options=json.loads(parsed.options), encoding=parsed.encoding)
    result = harness.run_command(parsed.command)
    print("status %s%s, %d queries in %d steps, %.2f s, exit status %s" % (
        result.status, " (%s)" % result.message if result.message else "", len(result.queries), result.steps,
        result.seconds, result.returncode))
    if result.queries:
        print("best signal %.4f of %.4f in the domain of %d" % (result.best, space.best_signal(), len(space.domain)))
    if result.stderr:
        print("stderr:\n" + result.stderr.rstrip())
    return 0 if result.status != "failed" and result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
