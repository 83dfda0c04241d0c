#!/usr/bin/env python3
"""Regularized (aging) evolution as a NASArena plugin.

Source: Real, Aggarwal, Huang and Le, "Regularized evolution for image classifier architecture
search", AAAI 2019 (https://arxiv.org/abs/1802.01548). The population starts as the first
``population`` architectures of the trial's shared initial design (proposed at once, marked
initial). Then each ask makes one child: ``sample`` members are drawn without replacement, the
one with the best signal is the parent, one position of its token row is changed to another
token (``Space.mutate``), and the child is proposed as a token row. Each child that gets a
signal joins the population and the oldest member leaves.

Tabular benchmarks need two rules the paper does not have:

- A child already queried in this trial (known here by its exact token row, or reported
  ``repeated`` by the harness) costs no query: it joins the population with its remembered
  signal, ageing the population as in the paper, and another child is made. A refused child
  (invalid, or without a label) is discarded, and its row is remembered so it is not proposed
  again.
- After ``attempts`` children in one ask that were all known repeats or refusals, an unqueried
  domain architecture drawn at random is proposed instead, so the method never stalls.

Options:
    population (int, default 50), sample (int, default 25), attempts (int, default 100).

The recommendation is the best architecture queried so far. Deterministic given the seed.
"""

import os
import random
import sys

try:
    import nasarena_plugin
except ImportError:  # not installed: use the package next to this folder
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python"))
    import nasarena_plugin

from nasarena_plugin import Method, Proposal


class RegularizedEvolution(Method):
    """Aging evolution with tournament selection and one-position mutation."""

    def __init__(self, hello):
        super().__init__(hello)
        self.check_options("population", "sample", "attempts")
        self.population_size = self.option("population", 50)
        self.sample_size = self.option("sample", 25)
        self.attempts = self.option("attempts", 100)
        for name, value in (("population", self.population_size), ("sample", self.sample_size), ("attempts", self.attempts)):
            if value < 1:
                raise ValueError("option '%s' must be at least 1, not %d" % (name, value))
        self.rng = random.Random(self.seed)
        self.population = []  # [token row, signal], oldest first
        self.signals = {}  # pool index -> signal of everything queried
        self.refused_rows = set()
        self.started = False
        self.fallback_order = None  # the domain shuffled, made when first needed
        self.fallback_next = 0
        self.best = None  # (signal, pool index)

    # ------------------------------------------------------------------------- protocol

    def ask(self, count):
        if not self.started:
            self.started = True
            initial, seen = [], set()
            for index in self.initial_design:
                if len(initial) == min(count, self.population_size):
                    break
                if index not in seen and self.space.in_domain(index):
                    seen.add(index)
                    initial.append(Proposal.index(index, initial=True))
            if initial:
                return initial
        for _ in range(self.attempts if self.population else 0):
            child = self.space.mutate(self.tournament(), self.rng)
            if child in self.refused_rows:
                continue
            index = self.space.index_of_tokens(child)
            if index is not None and index in self.signals:
                self.add(child, self.signals[index])  # a known repeat: no query, but it ages the population
                continue
            return [Proposal.tokens(child)]
        fallback = self.unqueried()
        return [] if fallback is None else [Proposal.index(fallback)]

    def tell(self, observations):
        for observation in observations:
            proposal = observation.proposal
            if observation.has_signal:
                self.signals[observation.index] = observation.signal
                row = self.space.tokens_of(observation.index)
                if row is None and proposal is not None:
                    row = proposal.token_row
                if row is not None:
                    self.add(row, observation.signal)
                if self.best is None or observation.signal > self.best[0]:
                    self.best = (observation.signal, observation.index)
            elif observation.refused and proposal is not None and proposal.token_row is not None:
                self.refused_rows.add(proposal.token_row)
            # not-evaluated: the budget ended; nothing to learn.

    def recommendation(self):
        return None if self.best is None else self.best[1]

    # ------------------------------------------------------------------------- evolution

    def tournament(self):
        """The token row of the best of ``sample`` members drawn without replacement."""
        drawn = self.rng.sample(range(len(self.population)), min(self.sample_size, len(self.population)))
        winner = max(drawn, key=lambda k: self.population[k][1])
        return self.population[winner][0]

    def add(self, row, signal):
        self.population.append((tuple(row), signal))
        while len(self.population) > self.population_size:
            self.population.pop(0)

    def unqueried(self):
        """An unqueried domain architecture drawn at random, or None when none is left."""
        if self.fallback_order is None:
            self.fallback_order = list(self.space.domain)
            self.rng.shuffle(self.fallback_order)
        while self.fallback_next < len(self.fallback_order):
            index = self.fallback_order[self.fallback_next]
            self.fallback_next += 1
            if index not in self.signals:
                return index
        return None


if __name__ == "__main__":
    nasarena_plugin.run(RegularizedEvolution)
