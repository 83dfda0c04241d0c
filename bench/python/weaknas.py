"""WeakNAS's search loop as the official code runs it on NB201 CIFAR-10 (VITA-Group/WeakNAS).

Each round: scikit-learn MLPRegressor(hidden_layer_sizes=(1000,)*4, max_iter=100) with its
defaults (Adam, alpha 1e-4, batch min(200, n), stopping when the training loss has not
improved by tol 1e-4 for 10 epochs), fitted on the queried architectures' one-hot encodings
held in a pandas DataFrame (float64, as the official code passes them), then a prediction of
the whole domain, the predicted top 100, and 10 of its unqueried members drawn at random.
Start: 10 random architectures; 200 queries = 10 + 19 rounds of 10 (19 fits). One MLP a round
(the official default fits 5 and uses the last: a fifth of the cost, the same method).
Targets: z-scored with the queried signals (nasarena's choice; the official code uses the
whole table's statistics, which does not change the cost).
"""
import argparse
import warnings

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPRegressor

import common


def trial(data, queries, seed):
    rng = np.random.default_rng(seed)
    rows = data["rows"]
    features = pd.DataFrame(np.array([r["onehot"] for r in rows], dtype=np.int64))
    signal = np.array([r["signal"] for r in rows])
    queried = list(rng.choice(len(rows), size=10, replace=False))
    fits, epochs = 0, []
    while len(queried) < queries:
        y = signal[queried]
        y = (y - y.mean()) / (y.std() or 1.0)
        model = MLPRegressor(hidden_layer_sizes=(1000, 1000, 1000, 1000), max_iter=100)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(features.iloc[queried], y)
        fits += 1
        epochs.append(model.n_iter_)
        ranked = np.argsort(-model.predict(features))
        known = set(queried)
        top = [i for i in ranked[:100] if i not in known]
        wanted = min(10, queries - len(queried))
        chosen = list(rng.choice(top, size=min(wanted, len(top)), replace=False)) if top else []
        for i in ranked[100:]:
            if len(chosen) >= wanted:
                break
            if i not in known and i not in chosen:
                chosen.append(i)
        queried += chosen
    return fits, epochs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    common.single_thread()
    data = common.load(args.data)
    with common.Clock() as clock:
        fits, epochs = trial(data, args.queries, args.seed)
    common.emit("weaknas-trial", clock.seconds, queries=args.queries, fits=fits, epochs=sum(epochs),
                epochsPerFitMin=min(epochs), epochsPerFitMax=max(epochs))


if __name__ == "__main__":
    main()
