"""Space, Proposal, Observation and Method helpers."""

import random
import unittest

try:
    import numpy as np
except ImportError:  # numpy is only needed to check that numpy integers are accepted
    np = None

import support  # noqa: F401 - puts the working tree's package first on sys.path
from support import fake_harness, small_space

from nasarena_plugin import FieldError, Hello, Method, Observation, Proposal, Space


def decoded(space, **hello_fields):
    return Hello.from_json(dict(space.hello(seed=5), **hello_fields))


class SpaceTests(unittest.TestCase):
    def setUp(self):
        self.fake = small_space()
        self.space = decoded(self.fake).space

    def test_fields(self):
        space = self.space
        self.assertEqual(space.name, "fake")
        self.assertEqual(space.pool_size, 26)
        self.assertEqual(space.domain, self.fake.domain)
        self.assertEqual(space.domain_size, len(self.fake.domain))
        self.assertEqual(space.tokens[0], self.fake.pool[space.domain[0]])
        self.assertEqual(space.vocabulary_sizes, [3, 3, 3])
        self.assertEqual(space.one_hot_length, 9)
        self.assertEqual([p.name for p in space.positions], ["position 0", "position 1", "position 2"])
        self.assertEqual(space.positions[1].role, "operation")
        self.assertEqual(space.positions[1].values, [0, 1, 2])
        self.assertEqual(space.positions[1].value_names, ["op0", "op1", "op2"])
        self.assertIsNone(space.encoding)
        self.assertIsNone(space.features)

    def test_lookups(self):
        space = self.space
        index = space.domain[4]
        row = space.tokens[4]
        self.assertEqual(space.index_of_tokens(row), index)
        self.assertEqual(space.index_of_tokens(list(row)), index)
        if np is not None:
            self.assertEqual(space.index_of_tokens(np.array(row)), index)
        self.assertIsNone(space.index_of_tokens((2, 2, 2)))  # not in the pool
        self.assertIsNone(space.index_of_tokens(self.fake.pool[0]))  # in the pool, outside the domain
        self.assertEqual(space.tokens_of(index), row)
        self.assertIsNone(space.tokens_of(0))
        self.assertEqual(space.offset_of(index), 4)
        self.assertTrue(space.in_domain(index))
        self.assertFalse(space.in_domain(0))

    def test_one_hot(self):
        self.assertEqual(self.space.one_hot([2, 0, 1]), [0, 0, 1, 1, 0, 0, 0, 1, 0])
        with self.assertRaises(ValueError):
            self.space.one_hot([0, 0])
        with self.assertRaises(ValueError):
            self.space.one_hot([0, 0, 3])

    def test_random_rows_and_mutations(self):
        rng = random.Random(1)
        generator = np.random.default_rng(1) if np is not None else random.Random(2)
        for _ in range(200):
            row = self.space.random_tokens(rng)
            self.assertEqual(self.space.check_tokens(row), row)
            for child in (self.space.mutate(row, rng), self.space.mutate(row, generator)):
                self.assertEqual(sum(a != b for a, b in zip(row, child)), 1)
                self.space.check_tokens(child)
            self.assertIn(self.space.random_index(generator), self.space.domain)
        # Every other token is reached at every position.
        seen = {self.space.mutate((0, 0, 0), rng) for _ in range(300)}
        self.assertEqual(seen, {(1, 0, 0), (2, 0, 0), (0, 1, 0), (0, 2, 0), (0, 0, 1), (0, 0, 2)})

    def test_positions_with_one_token_are_never_mutated(self):
        fake = fake_harness.FakeSpace([1, 2, 1], lambda row: 0.0)
        space = decoded(fake).space
        rng = random.Random(0)
        self.assertEqual({space.mutate((0, 0, 0), rng) for _ in range(20)}, {(0, 1, 0)})
        with self.assertRaises(ValueError):
            decoded(fake_harness.FakeSpace([1, 1], lambda row: 0.0)).space.mutate((0, 0), rng)

    def test_features(self):
        hello = Hello.from_json(self.fake.hello(seed=5, encoding="one-hot"))
        self.assertEqual(hello.space.encoding, "one-hot")
        self.assertEqual(len(hello.space.features), hello.space.domain_size)
        self.assertEqual(hello.space.features[3], hello.space.one_hot(hello.space.tokens[3]))

    def test_inconsistent_spaces_are_refused(self):
        good = self.fake.hello(seed=5)["space"]
        cases = [
            (dict(good, domainSize=3), "domainSize is 3"),
            (dict(good, domain=good["domain"][:-1]), "token rows for a domain of"),
            (dict(good, domain=list(reversed(good["domain"]))), "ascending"),
            (dict(good, domain=[99] + good["domain"][1:]), "space.domain[0] must be a pool index in 0...25"),
            (dict(good, tokens=[[0, 0, 5]] + good["tokens"][1:]), "outside its vocabulary"),
            (dict(good, features=[[1.0]]), "feature rows for a domain"),
            (dict(good, positions=[{"values": []}] * 3), "has no values"),
        ]
        for space, fragment in cases:
            with self.subTest(fragment=fragment):
                with self.assertRaises(FieldError) as caught:
                    Space.from_json(space)
                self.assertIn(fragment, str(caught.exception))


class MessageTests(unittest.TestCase):
    @unittest.skipIf(np is None, "numpy is not installed")
    def test_numpy_integers_are_accepted(self):
        self.assertEqual(Proposal.index(np.int64(4), initial=True).to_json(), {"index": 4, "initial": True})
        self.assertEqual(Proposal.tokens(np.array([1, 2])).to_json(), {"tokens": [1, 2]})
        with self.assertRaises(TypeError):
            Proposal.index(np.float64(4.0))

    def test_proposals(self):
        self.assertEqual(Proposal.index(4, initial=True).to_json(), {"index": 4, "initial": True})
        self.assertEqual(Proposal.tokens([1, 2]), Proposal.tokens((1, 2)))
        self.assertNotEqual(Proposal.index(1), Proposal.index(1, initial=True))
        self.assertEqual(repr(Proposal.tokens([1, 2], initial=True)), "Proposal.tokens([1, 2], initial=True)")
        with self.assertRaises(TypeError):
            Proposal.index(1.0)
        with self.assertRaises(TypeError):
            Proposal.tokens([0.5])
        with self.assertRaises(ValueError):
            Proposal()

    def test_observations(self):
        o = Observation.from_json({"outcome": "evaluated", "index": 3, "signal": 91, "cost": 10.5}, step=2)
        self.assertEqual((o.outcome, o.index, o.signal, o.cost, o.reason, o.step), ("evaluated", 3, 91.0, 10.5, None, 2))
        self.assertTrue(o.evaluated and o.has_signal and not o.repeated)
        o = Observation.from_json({"outcome": "repeated", "index": 3, "signal": 91.0})
        self.assertTrue(o.repeated and o.has_signal and o.cost is None)
        o = Observation.from_json({"outcome": "refused", "index": None, "reason": "invalid"})
        self.assertTrue(o.refused and not o.has_signal and o.reason == "invalid")
        o = Observation.from_json({"outcome": "not-evaluated", "index": 7})
        self.assertTrue(o.not_evaluated and o.index == 7)
        for item, fragment in [
            ({"outcome": "evaluated", "index": 3}, "needs a signal"),
            ({"outcome": "repeated", "index": None, "signal": 1.0}, "needs a pool index"),
            ({"outcome": "evaluated", "index": 3, "signal": "high"}, "field 'signal' must be a number"),
            ({"outcome": "refused", "index": -1}, "non-negative integer"),
            ({"outcome": "refused", "signal": 1.0}, "has no signal"),
            ({"index": 3}, "missing field 'outcome'"),
            ([], "must be an object"),
        ]:
            with self.subTest(fragment=fragment):
                with self.assertRaises(FieldError) as caught:
                    Observation.from_json(item)
                self.assertIn(fragment, str(caught.exception))


class MethodTests(unittest.TestCase):
    def method(self, options):
        return Method(decoded(small_space(), options=options))

    def test_options(self):
        method = self.method({"batch": 5, "lr": 1, "name": "x", "flag": True, "anything": [1]})
        self.assertEqual(method.option("batch", 10), 5)
        self.assertEqual(method.option("missing", 10), 10)
        self.assertEqual(method.option("lr", 0.1), 1.0)
        self.assertIsInstance(method.option("lr", 0.1), float)
        self.assertEqual(method.option("name", "y"), "x")
        self.assertIs(method.option("flag", False), True)
        self.assertEqual(method.option("anything", None), [1])
        for name, default in [("batch", 1.5), ("name", 3), ("flag", 1), ("lr", "s"), ("batch", True)]:
            with self.subTest(name=name, default=default):
                if name == "batch" and isinstance(default, float):
                    self.assertEqual(method.option(name, default), 5.0)  # an integer is a number
                    continue
                with self.assertRaises(TypeError):
                    method.option(name, default)
        method.check_options("batch", "lr", "name", "flag", "anything")
        with self.assertRaises(ValueError) as caught:
            method.check_options("batch")
        self.assertIn("unknown options 'anything', 'flag', 'lr', 'name'", str(caught.exception))

    def test_no_options(self):
        method = self.method(None)
        self.assertEqual(method.option("batch", 10), 10)
        method.check_options()
        with self.assertRaises(TypeError):
            self.method([1, 2]).option("batch", 10)

    def test_attributes(self):
        method = self.method({"a": 1})
        self.assertEqual(method.seed, 5)
        self.assertEqual(method.trial, 0)
        self.assertEqual(method.random.random(), random.Random(5).random())
        self.assertEqual(method.hello.method, "fake-plugin")
        self.assertIsNone(method.recommendation())
        with self.assertRaises(NotImplementedError):
            method.ask(1)


if __name__ == "__main__":
    unittest.main()
