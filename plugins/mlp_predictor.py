#!/usr/bin/env python3
"""A predictor-based NAS method as a NASArena plugin: an ensemble of small MLPs, with numpy.

The first ``initial`` architectures of the trial's shared initial design are proposed first
(marked initial). After each ``tell`` an ensemble of ``ensemble`` MLPs (two hidden layers of
``hidden`` ReLU units, He-initialised, trained with Adam on the mean squared error for
``epochs`` epochs, full batch up to ``minibatch`` examples and shuffled mini-batches beyond)
is fitted to every (architecture, signal) observed so far, with the signals standardised. Each
later ask proposes the ``batch`` unqueried domain architectures with the highest predicted
mean, plus ``bonus`` times the ensemble's standard deviation (0 by default: pure
exploitation). The members differ by their initial weights (and mini-batch order).

Features are the one-hot token rows (one block per position), or, when the suite's
``encoding`` setting sends ``features`` in hello, those features standardised per column
(option ``features: onehot`` keeps the one-hot rows even then).

The recommendation is the predictor's top-1 over the whole domain (before the first fit: the
best architecture observed).

Options (all optional):
    initial (int, 10), batch (int, 10), hidden (int, 64), epochs (int, 200), ensemble (int, 5),
    lr (float, 0.01), weight_decay (float, 0.0001), minibatch (int, 256), bonus (float, 0.0),
    features ("auto" or "onehot", "auto").

Deterministic given the seed: every random draw comes from one ``numpy.random.Generator``
seeded with it. BLAS is limited to one thread (unless OPENBLAS_NUM_THREADS, OMP_NUM_THREADS or
MKL_NUM_THREADS is set), since trials run in parallel, one process each.
"""

import os
import sys

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402

try:
    import nasarena_plugin
except ImportError:  # not installed: use the package next to this folder
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python"))
    import nasarena_plugin

from nasarena_plugin import Method, Proposal  # noqa: E402


class MLPEnsemble:
    """``members`` MLPs d -> hidden -> hidden -> 1 trained at once.

    The weights of all members live in one flat vector (``theta``; the per-layer arrays,
    stacked on axis 0 by member, are views of it), so an Adam step is a handful of numpy
    operations however many layers and members there are.
    """

    def __init__(self, inputs, hidden, members, rng):
        shapes = [(members, inputs, hidden), (members, 1, hidden), (members, hidden, hidden), (members, 1, hidden),
                  (members, hidden, 1), (members, 1, 1)]
        total = sum(int(np.prod(shape)) for shape in shapes)
        self.theta = np.zeros(total, dtype=np.float32)
        self.gradient = np.zeros(total, dtype=np.float32)
        self.decay_mask = np.zeros(total, dtype=np.float32)
        self.params, self.grads = [], []
        offset = 0
        for k, shape in enumerate(shapes):
            size = int(np.prod(shape))
            self.params.append(self.theta[offset:offset + size].reshape(shape))
            self.grads.append(self.gradient[offset:offset + size].reshape(shape))
            if k % 2 == 0:  # a weight matrix (biases start at zero and are not decayed)
                self.params[-1][...] = rng.standard_normal(shape, dtype=np.float32) * np.float32(np.sqrt(2.0 / shape[1]))
                self.decay_mask[offset:offset + size] = 1.0
            offset += size

    def fit(self, x, y, epochs, lr, weight_decay, minibatch, rng):
        """Adam on the mean squared error of every member; ``x`` (n, d), ``y`` (n,)."""
        n = len(x)
        first = np.zeros_like(self.theta)
        second = np.zeros_like(self.theta)
        beta1, beta2, eps = 0.9, 0.999, 1e-8
        decay = weight_decay * self.decay_mask if weight_decay else None
        t = 0
        size = n if n <= minibatch else minibatch
        for _ in range(epochs):
            order = None if size == n else rng.permutation(n)
            for start in range(0, n, size):
                if order is None:
                    self._gradients(x, y)
                else:
                    rows = order[start:start + size]
                    self._gradients(x[rows], y[rows])
                g = self.gradient
                if decay is not None:
                    g += decay * self.theta
                t += 1
                first *= beta1
                first += (1.0 - beta1) * g
                second *= beta2
                second += (1.0 - beta2) * (g * g)
                step = lr * np.sqrt(1.0 - beta2 ** t) / (1.0 - beta1 ** t)
                self.theta -= step * first / (np.sqrt(second) + eps)

    def _gradients(self, x, y):
        """Writes the gradient of the mean squared error into ``self.gradient``."""
        w1, b1, w2, b2, w3, b3 = self.params
        g_w1, g_b1, g_w2, g_b2, g_w3, g_b3 = self.grads
        a1 = np.maximum(x @ w1 + b1, 0.0)  # (members, n, hidden)
        a2 = np.maximum(a1 @ w2 + b2, 0.0)
        d_out = a2 @ w3 + b3  # (members, n, 1)
        d_out -= y[None, :, None]
        d_out *= 2.0 / len(x)
        np.matmul(a2.transpose(0, 2, 1), d_out, out=g_w3)
        d_out.sum(axis=1, keepdims=True, out=g_b3)
        d_z2 = d_out * w3.transpose(0, 2, 1)  # (members, n, 1) x (members, 1, hidden)
        d_z2 *= a2 > 0
        np.matmul(a1.transpose(0, 2, 1), d_z2, out=g_w2)
        d_z2.sum(axis=1, keepdims=True, out=g_b2)
        d_z1 = d_z2 @ w2.transpose(0, 2, 1)
        d_z1 *= a1 > 0
        np.matmul(x.T, d_z1, out=g_w1)
        d_z1.sum(axis=1, keepdims=True, out=g_b1)

    def predict(self, x, chunk=8192):
        """Predictions of every member, (members, n), computed in float32 by chunks."""
        w1, b1, w2, b2, w3, b3 = [p.astype(np.float32) for p in self.params]
        parts = []
        for start in range(0, len(x), chunk):
            a1 = np.maximum(x[start:start + chunk] @ w1 + b1, 0.0)
            a2 = np.maximum(a1 @ w2 + b2, 0.0)
            parts.append((a2 @ w3 + b3)[:, :, 0])
        return np.concatenate(parts, axis=1).astype(np.float64)


class MLPPredictor(Method):
    """Rounds of: fit an MLP ensemble on everything observed, propose the predicted best."""

    OPTIONS = ("initial", "batch", "hidden", "epochs", "ensemble", "lr", "weight_decay", "minibatch", "bonus", "features")

    def __init__(self, hello):
        super().__init__(hello)
        self.check_options(*self.OPTIONS)
        self.initial = self.option("initial", 10)
        self.batch = self.option("batch", 10)
        self.hidden = self.option("hidden", 64)
        self.epochs = self.option("epochs", 200)
        self.members = self.option("ensemble", 5)
        self.lr = self.option("lr", 0.01)
        self.weight_decay = self.option("weight_decay", 1e-4)
        self.minibatch = self.option("minibatch", 256)
        self.bonus = self.option("bonus", 0.0)
        feature_choice = self.option("features", "auto")
        for name in ("initial", "batch", "hidden", "ensemble", "minibatch"):
            if getattr(self, {"ensemble": "members"}.get(name, name)) < 1:
                raise ValueError("option '%s' must be at least 1" % name)
        if self.epochs < 0:
            raise ValueError("option 'epochs' must not be negative")
        if feature_choice not in ("auto", "onehot"):
            raise ValueError("option 'features' must be 'auto' or 'onehot', not %r" % feature_choice)

        self.rng = np.random.default_rng(self.seed)
        space = self.space
        self.domain = np.asarray(space.domain, dtype=np.int64)
        if space.features is not None and feature_choice == "auto":
            x = np.asarray(space.features, dtype=np.float64).reshape(len(self.domain), -1)
            spread = x.std(axis=0)
            x = (x - x.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
        else:
            x = self.one_hot_matrix()
        self.x32 = x.astype(np.float32)  # the features of every domain architecture, aligned with domain
        self.observed = np.zeros(len(self.domain), dtype=bool)
        self.rows = []  # domain offsets of the observations
        self.signals = []
        self.mean = None  # predicted mean (standardised) over the domain after the last fit
        self.spread = None
        self.fitted_on = 0
        self.started = False
        self.best = None  # (signal, pool index)

    def one_hot_matrix(self):
        tokens = np.asarray(self.space.tokens, dtype=np.int64).reshape(len(self.domain), len(self.space.positions))
        offsets = np.concatenate([[0], np.cumsum(self.space.vocabulary_sizes)[:-1]]).astype(np.int64)
        x = np.zeros((len(self.domain), self.space.one_hot_length), dtype=np.float32)
        if len(self.domain):
            x[np.arange(len(self.domain))[:, None], tokens + offsets[None, :]] = 1.0
        return x

    # ------------------------------------------------------------------------- protocol

    def ask(self, count):
        want = min(count, self.batch)
        if not self.started:
            self.started = True
            picks, seen = [], set()
            for index in self.initial_design:
                offset = self.space.offset_of(index)
                if offset is not None and offset not in seen and not self.observed[offset]:
                    seen.add(offset)
                    picks.append(Proposal.index(index, initial=True))
                if len(picks) == min(count, self.initial):
                    break
            if picks:
                return picks
        candidates = np.flatnonzero(~self.observed)
        if len(candidates) == 0:
            return []
        if self.mean is None:
            chosen = self.rng.choice(candidates, size=min(want, len(candidates)), replace=False)
        else:
            score = self.mean[candidates] + self.bonus * self.spread[candidates]
            ranked = np.argsort(-score, kind="stable")[:want]
            chosen = candidates[ranked]
        return [Proposal.index(int(self.domain[offset])) for offset in chosen]

    def tell(self, observations):
        for observation in observations:
            if not observation.has_signal:
                continue
            offset = self.space.offset_of(observation.index)
            if offset is None or self.observed[offset]:
                continue
            self.observed[offset] = True
            self.rows.append(offset)
            self.signals.append(observation.signal)
            if self.best is None or observation.signal > self.best[0]:
                self.best = (observation.signal, observation.index)
        if len(self.signals) >= 2 and len(self.signals) > self.fitted_on and not self.observed.all():
            self.fit()

    def recommendation(self):
        if self.mean is not None:
            return int(self.domain[int(np.argmax(self.mean))])
        return None if self.best is None else self.best[1]

    # ------------------------------------------------------------------------- the predictor

    def fit(self):
        y = np.asarray(self.signals, dtype=np.float64)
        spread = y.std()
        y = ((y - y.mean()) / (spread if spread > 0 else 1.0)).astype(np.float32)
        x = self.x32[np.asarray(self.rows)]
        model = MLPEnsemble(self.x32.shape[1], self.hidden, self.members, self.rng)
        model.fit(x, y, self.epochs, self.lr, self.weight_decay, self.minibatch, self.rng)
        predictions = model.predict(self.x32)
        self.mean = predictions.mean(axis=0)
        self.spread = predictions.std(axis=0)
        self.fitted_on = len(self.signals)


if __name__ == "__main__":
    nasarena_plugin.run(MLPPredictor)
