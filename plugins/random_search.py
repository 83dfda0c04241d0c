#!/usr/bin/env python3
"""Random search as a NASArena plugin: the domain in a random order, never repeating.

It proposes the trial's shared initial design first (marked initial, so its first queries are
the ones every built-in method starts from), then the rest of the domain shuffled by a
generator seeded with the trial's ``seed``. Its recommendation is the best architecture
queried so far.

Options:
    batch (int, default 10): architectures proposed per ask; it changes how often the harness
        flushes its log, not which architectures are queried.

Suite::

    - method: external
      label: py-random-search
      command: [python3, plugins/random_search.py]
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


class RandomSearch(Method):
    """Uniform sampling without replacement over the domain, initial design first."""

    def __init__(self, hello):
        super().__init__(hello)
        self.check_options("batch")
        self.batch = self.option("batch", 10)
        if self.batch < 1:
            raise ValueError("option 'batch' must be at least 1, not %d" % self.batch)
        order, seen = [], set()
        for index in self.initial_design:
            if index not in seen and self.space.in_domain(index):
                seen.add(index)
                order.append(Proposal.index(index, initial=True))
        rest = [index for index in self.space.domain if index not in seen]
        random.Random(self.seed).shuffle(rest)
        self.order = order + [Proposal.index(index) for index in rest]
        self.next = 0
        self.best = None  # (signal, pool index)

    def ask(self, count):
        take = self.order[self.next:self.next + min(count, self.batch)]
        self.next += len(take)
        return take

    def tell(self, observations):
        for observation in observations:
            if observation.has_signal and (self.best is None or observation.signal > self.best[0]):
                self.best = (observation.signal, observation.index)

    def recommendation(self):
        return None if self.best is None else self.best[1]


if __name__ == "__main__":
    nasarena_plugin.run(RandomSearch)
