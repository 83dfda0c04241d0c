"""Paths and helpers shared by the tests (imports the working tree's package first)."""

import io
import json
import os
import subprocess
import sys
import tempfile
import textwrap

TESTS = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.path.dirname(TESTS)
REPOSITORY = os.path.dirname(PYTHON)
PLUGINS = os.path.join(REPOSITORY, "plugins")

if PYTHON not in sys.path[:1]:
    sys.path.insert(0, PYTHON)
if TESTS not in sys.path:
    sys.path.insert(1, TESTS)

import nasarena_plugin  # noqa: E402
import fake_harness  # noqa: E402


def environment():
    """The environment for plugin subprocesses: the working tree's package first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = PYTHON + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def plugin_command(name):
    return [sys.executable, os.path.join(PLUGINS, name)]


def small_space():
    """3 positions x 3 tokens: 27 rows; (2, 2, 2) is invalid (not in the pool, 26 pool rows),
    and pool indices divisible by 5 have no label (outside the domain)."""
    return fake_harness.FakeSpace(
        [3, 3, 3],
        lambda row: 50.0 + 10.0 * row[0] + 3.0 * row[1] - 2.0 * row[2] + 0.5 * (row[0] == row[1]),
        valid=lambda row: row != (2, 2, 2),
        labelled=lambda index, row: index % 5 != 0,
    )


def lines(*messages):
    """Harness lines as one text, one JSON object per line."""
    return "".join(json.dumps(m) + "\n" for m in messages)


def run_in_process(method_class, text):
    """Runs the loop on the harness lines ``text``; returns (status, answers, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = nasarena_plugin.run(method_class, stdin=io.StringIO(text), stdout=out, stderr=err, exit=False)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    return status, answers, err.getvalue()


class ScriptFile:
    """A plugin script in a temporary folder (context manager giving its path)."""

    def __init__(self, source):
        self.source = textwrap.dedent(source)

    def __enter__(self):
        self.folder = tempfile.TemporaryDirectory()
        path = os.path.join(self.folder.name, "plugin.py")
        with open(path, "w") as handle:
            handle.write(self.source)
        return path

    def __exit__(self, *exc):
        self.folder.cleanup()


def run_script(path, text, timeout=30):
    """Runs a plugin script with ``text`` on its stdin; returns the CompletedProcess."""
    return subprocess.run([sys.executable, path], input=text.encode(), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=environment(), timeout=timeout)
