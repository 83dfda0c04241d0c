"""The message loop: a full exchange, the wire format, and every way a trial can end."""

import io
import json
import unittest

import support
from support import fake_harness, lines, run_in_process, run_script, small_space, ScriptFile

import nasarena_plugin
from nasarena_plugin import Method, Proposal


class Scripted(Method):
    """Proposes a fixed list of batches and keeps everything it is told."""

    batches = []
    instances = []

    def __init__(self, hello):
        super().__init__(hello)
        self.told = []
        self.steps = []
        self.closed = False
        self.next = 0
        Scripted.instances.append(self)

    def ask(self, count):
        self.steps.append(self.step)
        batch = self.batches[self.next] if self.next < len(self.batches) else []
        self.next += 1
        return batch

    def tell(self, observations):
        self.told.append(observations)

    def recommendation(self):
        known = [o for batch in self.told for o in batch if o.has_signal]
        return max(known, key=lambda o: o.signal).index if known else None

    def close(self):
        self.closed = True


class FullExchange(unittest.TestCase):
    def test_full_exchange_on_a_small_space(self):
        space = small_space()
        design = space.initial_design(seed=7)
        outside = next(i for i in range(space.pool_size) if i not in space.domain_set)
        Scripted.instances = []
        Scripted.batches = [
            [
                Proposal.index(design[0], initial=True),
                Proposal.tokens(space.pool[design[1]]),
                Proposal.tokens(space.pool[design[1]]),  # a repeat within the batch
                Proposal.tokens((2, 2, 2)),  # not in the pool: invalid
                Proposal.index(outside),  # in the pool, without a label
            ],
            [design[2], Proposal.index(design[0])] + [Proposal.index(i) for i in design[3:]],
        ]
        result = fake_harness.FakeHarness(space, budget=8, seed=7, options={"x": 1}).run_method(Scripted)
        self.assertEqual(result.status, "completed", result.message)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stderr, "")
        self.assertEqual(result.trailing_stdout, "")
        method = Scripted.instances[0]
        self.assertEqual(method.options, {"x": 1})
        self.assertEqual(method.seed, 7)
        self.assertEqual(method.space.domain, space.domain)
        self.assertEqual(method.initial_design, design)
        self.assertEqual(method.steps, [0, 1])
        first, second = method.told
        self.assertEqual([o.outcome for o in first], ["evaluated", "evaluated", "repeated", "refused", "refused"])
        self.assertEqual([o.reason for o in first[3:]], ["invalid", "outside-domain"])
        self.assertEqual(first[0].index, design[0])
        self.assertEqual(first[1].index, design[1])
        self.assertEqual(first[2].signal, space.signals[design[1]])
        self.assertIsNone(first[3].index)
        self.assertIsNotNone(first[0].cost)
        self.assertTrue(first[0].proposal.initial)
        self.assertEqual(first[1].proposal.token_row, space.pool[design[1]])
        self.assertEqual(second[0].proposal, Proposal.index(design[2]))
        self.assertEqual(second[1].outcome, "repeated")
        self.assertEqual([o.outcome for o in second].count("evaluated"), 6)
        self.assertTrue(all(o.outcome == "not-evaluated" for o in second[8:]))
        self.assertEqual(len(result.queries), 8)
        self.assertEqual(result.queries[0], (design[0], space.signals[design[0]], True))
        self.assertTrue(method.closed)
        self.assertEqual(method.bye_reason, "budget")
        best = max(result.queries, key=lambda q: q[1])[0]
        self.assertEqual(result.recommendations[-1], best)

    def test_empty_proposals_end_the_trial_as_exhausted(self):
        Scripted.instances = []
        Scripted.batches = [[Proposal.index(support.small_space().domain[0])]]
        result = fake_harness.FakeHarness(small_space(), budget=10).run_method(Scripted)
        self.assertEqual(result.status, "exhausted")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(len(result.queries), 1)
        self.assertEqual(Scripted.instances[0].bye_reason, "exhausted")


class WireFormat(unittest.TestCase):
    def setUp(self):
        self.space = small_space()
        self.hello = self.space.hello(seed=3)

    def test_answers_are_compact_lines_with_optional_recommendations(self):
        domain = self.space.domain
        Scripted.batches = [[Proposal.index(domain[0], initial=True), Proposal.tokens([1, 0, 2])]]
        text = lines(
            self.hello,
            {"type": "ask", "step": 0, "count": 5},
            {"type": "tell", "step": 0, "observations": [
                {"outcome": "evaluated", "index": domain[0], "signal": 70.5, "cost": 3.0},
                {"outcome": "refused", "index": None, "reason": "outside-domain"}]},
            {"type": "bye", "reason": "budget"},
        )
        out, err = io.StringIO(), io.StringIO()
        status = nasarena_plugin.run(Scripted, stdin=io.StringIO(text), stdout=out, stderr=err, exit=False)
        self.assertEqual(status, 0)
        self.assertEqual(err.getvalue(), "")
        self.assertEqual(out.getvalue().splitlines(), [
            '{"type":"ready"}',
            '{"type":"proposals","proposals":[{"index":%d,"initial":true},{"tokens":[1,0,2]}]}' % domain[0],
            '{"type":"ready","recommendation":%d}' % domain[0],
        ])

    def test_binary_streams_work_too(self):
        Scripted.batches = []
        text = lines(self.hello, {"type": "ask", "step": 0, "count": 5}, {"type": "bye"})
        out = io.BytesIO()
        status = nasarena_plugin.run(Scripted, stdin=io.BytesIO(text.encode()), stdout=out, stderr=io.StringIO(), exit=False)
        self.assertEqual(status, 0)
        self.assertEqual(out.getvalue(), b'{"type":"ready"}\n{"type":"proposals","proposals":[]}\n')

    def test_plain_ints_are_pool_indices(self):
        Scripted.batches = [[self.space.domain[1]]]
        status, answers, _ = run_in_process(Scripted, lines(self.hello, {"type": "ask", "step": 0, "count": 1}))
        self.assertEqual(status, 0)
        self.assertEqual(answers[1]["proposals"], [{"index": self.space.domain[1]}])


class Failures(unittest.TestCase):
    def setUp(self):
        self.space = small_space()
        self.hello = self.space.hello(seed=3)

    def assertError(self, answers, *fragments):
        self.assertEqual(answers[-1]["type"], "error", answers)
        self.assertEqual(set(answers[-1]), {"type", "message"})
        for fragment in fragments:
            self.assertIn(fragment, answers[-1]["message"])

    def test_another_protocol_version_is_answered_with_an_error(self):
        Scripted.instances = []
        hello = dict(self.hello, protocol=2)
        status, answers, err = run_in_process(Scripted, lines(hello, {"type": "ask", "step": 0, "count": 1}))
        self.assertEqual(status, 1)
        self.assertEqual(len(answers), 1)
        self.assertError(answers, "unsupported protocol version 2", "speaks version 1")
        self.assertEqual(Scripted.instances, [])
        self.assertIn("unsupported protocol version 2", err)

    def test_a_missing_protocol_version_is_refused(self):
        hello = dict(self.hello)
        del hello["protocol"]
        status, answers, _ = run_in_process(Scripted, lines(hello))
        self.assertEqual(status, 1)
        self.assertError(answers, "unsupported protocol version (none given)")

    def test_a_malformed_line_is_a_protocol_error_naming_it(self):
        status, answers, err = run_in_process(Scripted, lines(self.hello) + "this is not json\n")
        self.assertEqual(status, 1)
        self.assertEqual(answers[0], {"type": "ready"})
        self.assertError(answers, "ProtocolError: harness line 2: not JSON", "'this is not json'")
        self.assertIn("harness line 2", err)

    def test_messages_that_break_the_protocol(self):
        cases = [
            (lines({"type": "ask", "step": 0, "count": 1}), "harness line 1: expected a 'hello' first, got type 'ask'"),
            (lines(self.hello, {"type": "ask", "step": 0, "count": "ten"}),
             "harness line 2: ask: field 'count' must be a non-negative integer, not a string"),
            (lines(self.hello, {"type": "tell", "step": 0, "observations": []}), "a 'tell' without an 'ask' before it"),
            (lines(self.hello, {"type": "hello"}), "unexpected message type 'hello'"),
            (lines(self.hello, [1, 2]), "not a JSON object but a list"),
            (lines(self.hello, {"step": 0}), "no string 'type'"),
            (lines(self.hello, {"type": "ask", "step": 0, "count": 1},
                   {"type": "tell", "step": 0, "observations": [{"outcome": "evaluated", "index": 1, "signal": 2.0}]}),
             "harness line 3: tell: 1 observations for the 0 proposals of the last ask"),
            (lines(self.hello, {"type": "ask", "step": 0, "count": 1},
                   {"type": "tell", "step": 0, "observations": [{"outcome": "exploded", "index": 1}]}),
             "observations[0]: unknown outcome 'exploded'"),
            (lines(dict(self.hello, seed="x")), "hello: field 'seed' must be an integer"),
            (lines(dict(self.hello, space=dict(self.hello["space"], tokens=[[0, 0]] * len(self.space.domain)))),
             "space.tokens[0] must be a list of 3 token ids"),
        ]
        Scripted.batches = []
        for text, fragment in cases:
            with self.subTest(fragment=fragment):
                status, answers, _ = run_in_process(Scripted, text)
                self.assertEqual(status, 1)
                self.assertError(answers, "ProtocolError: ", fragment)

    def test_a_method_exception_is_sent_and_its_traceback_printed(self):
        class Failing(Method):
            def ask(self, count):
                raise KeyError("no such thing")

        status, answers, err = run_in_process(Failing, lines(self.hello, {"type": "ask", "step": 0, "count": 1}))
        self.assertEqual(status, 1)
        self.assertError(answers, "KeyError: 'no such thing'")
        self.assertIn("Traceback (most recent call last)", err)
        self.assertIn("in ask", err)

    def test_exceptions_in_the_constructor_and_in_tell(self):
        class BadInit(Method):
            def __init__(self, hello):
                super().__init__(hello)
                self.check_options("batch")

        status, answers, _ = run_in_process(BadInit, lines(dict(self.hello, options={"bacth": 3})))
        self.assertEqual(status, 1)
        self.assertEqual(len(answers), 1)
        self.assertError(answers, "ValueError: unknown option 'bacth'; BadInit takes 'batch'")

        class BadTell(Method):
            def ask(self, count):
                return []

            def tell(self, observations):
                return 1 / 0

        text = lines(self.hello, {"type": "ask", "step": 0, "count": 1}, {"type": "tell", "step": 0, "observations": []})
        status, answers, _ = run_in_process(BadTell, text)
        self.assertEqual(status, 1)
        self.assertError(answers, "ZeroDivisionError: division by zero")

    def test_invalid_proposals_and_recommendations_are_the_methods_errors(self):
        cases = [
            ([Proposal.tokens([0, 3, 0])], "ValueError: ask() proposal 0: token 3 at position 1 (position 1) is outside its vocabulary of 3"),
            ([Proposal.tokens([0, 0])], "ValueError: ask() proposal 0: a token row needs 3 tokens, not 2"),
            ([Proposal.index(0), Proposal.index(26)], "ValueError: ask() proposal 1: pool index 26 is outside the pool (0...25)"),
            (["7"], "TypeError: ask() returned '7' at position 0"),
            (None, "TypeError: ask() returned None"),
        ]
        for batch, fragment in cases:
            with self.subTest(fragment=fragment):
                Scripted.batches = [batch]
                status, answers, _ = run_in_process(Scripted, lines(self.hello, {"type": "ask", "step": 0, "count": 1}))
                self.assertEqual(status, 1)
                self.assertError(answers, fragment)

        class BadPick(Scripted):
            def recommendation(self):
                return 1000

        Scripted.batches = [[]]
        status, answers, _ = run_in_process(BadPick, lines(self.hello, {"type": "ask", "step": 0, "count": 1}))
        self.assertEqual(status, 1)
        self.assertError(answers, "ValueError: recommendation() returned 1000, outside the pool (0...25)")

    def test_end_of_file_ends_quietly_and_closes_the_method(self):
        Scripted.instances = []
        for text in ["", lines(self.hello), lines(self.hello, {"type": "ask", "step": 0, "count": 1})]:
            with self.subTest(lines=text.count("\n")):
                Scripted.batches = [[]]
                status, answers, err = run_in_process(Scripted, text)
                self.assertEqual(status, 0)
                self.assertEqual(err, "")
                self.assertEqual(len(answers), text.count("\n"))
                self.assertTrue(all(a["type"] != "error" for a in answers))
        self.assertTrue(all(m.closed for m in Scripted.instances))
        self.assertEqual(len(Scripted.instances), 2)
        # A line cut off by the harness's death is an end of file too, with a note on stderr.
        status, answers, err = run_in_process(Scripted, lines(self.hello) + '{"type": "as')
        self.assertEqual((status, len(answers)), (0, 1))
        self.assertIn("end of input inside harness line 2", err)

    def test_a_print_in_the_method_goes_to_stderr(self):
        class Chatty(Scripted):
            def ask(self, count):
                print("hello from ask")
                return super().ask(count)

        Scripted.batches = [[]]
        status, answers, err = run_in_process(Chatty, lines(self.hello, {"type": "ask", "step": 0, "count": 1}))
        self.assertEqual(status, 0)
        self.assertEqual([a["type"] for a in answers], ["ready", "proposals"])
        self.assertIn("hello from ask", err)


class AsProcesses(unittest.TestCase):
    """The same, with real processes: exit statuses and the process's own stdout and stderr."""

    def setUp(self):
        self.space = small_space()
        self.hello = self.space.hello(seed=3)

    def test_a_method_exception_exits_with_status_1(self):
        source = """
            import nasarena_plugin

            class Failing(nasarena_plugin.Method):
                def ask(self, count):
                    raise RuntimeError("boom at step %d" % self.step)

            nasarena_plugin.run(Failing)
            print("not reached")
        """
        with ScriptFile(source) as path:
            done = run_script(path, lines(self.hello, {"type": "ask", "step": 4, "count": 1}))
        self.assertEqual(done.returncode, 1)
        answers = [json.loads(line) for line in done.stdout.decode().splitlines()]
        self.assertEqual(answers, [{"type": "ready"}, {"type": "error", "message": "RuntimeError: boom at step 4"}])
        self.assertIn(b"Traceback (most recent call last)", done.stderr)
        self.assertIn(b"RuntimeError: boom at step 4", done.stderr)

    def test_end_of_file_and_bye_exit_with_status_0_and_nothing_on_stderr(self):
        source = """
            import nasarena_plugin

            class Nothing(nasarena_plugin.Method):
                def ask(self, count):
                    return []

                def tell(self, observations):
                    pass

            nasarena_plugin.run(Nothing)
        """
        with ScriptFile(source) as path:
            for text in ["", lines(self.hello), lines(self.hello, {"type": "ask", "step": 0, "count": 1}, {"type": "bye"})]:
                with self.subTest(lines=text.count("\n")):
                    done = run_script(path, text)
                    self.assertEqual(done.returncode, 0)
                    self.assertEqual(done.stderr, b"")
                    for line in done.stdout.decode().splitlines():
                        self.assertIn(json.loads(line)["type"], ("ready", "proposals"))

    def test_nothing_but_protocol_lines_reach_stdout(self):
        source = """
            import os, sys
            import nasarena_plugin

            print("a print before run goes to stdout, before the protocol")

            class Noisy(nasarena_plugin.Method):
                def __init__(self, hello):
                    super().__init__(hello)
                    print("print in __init__")

                def ask(self, count):
                    print("print in ask")
                    sys.stdout.write("sys.stdout.write in ask\\n")
                    os.write(1, b"os.write to fd 1\\n")
                    os.system("echo from a child process")
                    return [nasarena_plugin.Proposal.index(self.space.domain[0])]

                def tell(self, observations):
                    print("print in tell", observations)

            nasarena_plugin.run(Noisy)
        """
        domain = self.space.domain
        text = lines(self.hello, {"type": "ask", "step": 0, "count": 1},
                     {"type": "tell", "step": 0, "observations": [{"outcome": "evaluated", "index": domain[0], "signal": 1.5}]},
                     {"type": "bye", "reason": "budget"})
        with ScriptFile(source) as path:
            done = run_script(path, text)
        self.assertEqual(done.returncode, 0, done.stderr)
        out = done.stdout.decode().splitlines()
        self.assertEqual(out[0], "a print before run goes to stdout, before the protocol")
        self.assertEqual([json.loads(line)["type"] for line in out[1:]], ["ready", "proposals", "ready"])
        err = done.stderr.decode()
        for fragment in ["print in __init__", "print in ask", "sys.stdout.write in ask", "os.write to fd 1",
                         "from a child process", "print in tell [Observation('evaluated'"]:
            self.assertIn(fragment, err)


if __name__ == "__main__":
    unittest.main()
