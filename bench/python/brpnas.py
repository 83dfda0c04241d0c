"""BRP-NAS's binary relation predictor (thomasccp/eagle) in PyTorch, in two forms.

Model (both forms): 4 GCN layers of 600, each relu(LayerNorm(A (X W) + b)) then dropout 0.2,
read-out = the global node's vector; head = Linear(2 x 600 -> 2) on [e_a, e_b], log-softmax;
target softmax([y_a, y_b]) of the signals (percent); loss KL divergence; AdamW lr 3.5e-4,
weight decay 5e-4, cosine schedule over 250 epochs. Inputs: nasarena's exported graphs
(global node, normalised adjacency), padded to 9 nodes.

* `eagle` form, as eagle's training loop does it: the data set is every ordered pair of the n
  labelled cells (n (n - 1) pairs), shuffled into batches of 64 pairs; each batch builds its
  tensors from per-graph arrays and embeds both graphs of every pair (2 x 64 graph embeddings
  a step), in float64 (eagle's layers are DoubleTensors); after the epoch's steps eagle runs
  the batches once more without gradients for the epoch's training loss (timed too).
* `efficient` form, the same computation as nasarena's: steps of 16 labelled graphs, each
  embedded once, trained on every ordered pair among them (n = 20: 252 pairs an epoch;
  n = 100: 1,452), float32, no extra loss pass.

`trial`: a whole 200-query BRP-NAS trial in the efficient form: rounds of 20; round 0 random;
round i >= 1 refits from scratch on every queried cell (early stopping as nasarena: mean epoch
training loss, patience 35 counted from epoch 20, an improvement must beat the best by 1e-3,
at most 250 epochs), scores the whole domain (each distinct graph embedded once, in eval
mode) by u . e_a (the mean-win-probability order), queries the 10 best unqueried and 10 drawn
from the unqueried predicted top domain / 2^i.
"""
import argparse
import math
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import common

NODES = 9


class GCN(nn.Module):
    def __init__(self, features, hidden=600, layers=4, dropout=0.2, dtype=torch.float32):
        super().__init__()
        sizes = [features] + [hidden] * layers
        self.weights = nn.ParameterList(
            [nn.Parameter(torch.empty(sizes[i], sizes[i + 1], dtype=dtype)) for i in range(layers)])
        self.biases = nn.ParameterList([nn.Parameter(torch.zeros(hidden, dtype=dtype)) for _ in range(layers)])
        for w in self.weights:
            nn.init.kaiming_uniform_(w, nonlinearity="relu")
        self.norms = nn.ModuleList([nn.LayerNorm(hidden, dtype=dtype) for _ in range(layers)])
        self.dropout = dropout
        self.head = nn.Linear(2 * hidden, 2, dtype=dtype)

    def embed(self, adjacency, features):
        x = features
        for w, b, norm in zip(self.weights, self.biases, self.norms):
            x = torch.bmm(adjacency, torch.matmul(x, w)) + b
            x = F.dropout(F.relu(norm(x)), self.dropout, self.training)
        return x[:, 0]

    def relation(self, left, right):
        return F.log_softmax(self.head(torch.cat([left, right], dim=1)), dim=1)


def padded(rows, dtype):
    """Per architecture: features [9, labels + 1] and adjacency [9, 9] as numpy arrays."""
    width = len(rows[0]["gcn"]["features"]) // rows[0]["gcn"]["nodes"]
    out = []
    for r in rows:
        g = r["gcn"]
        n = g["nodes"]
        x = np.zeros((NODES, width), dtype=dtype)
        a = np.zeros((NODES, NODES), dtype=dtype)
        x[:n] = np.array(g["features"], dtype=dtype).reshape(n, width)
        a[:n, :n] = np.array(g["adjacency"], dtype=dtype).reshape(n, n)
        out.append((a, x))
    return out, width


def log_targets(ya, yb):
    top = torch.maximum(ya, yb)
    norm = top + torch.log(torch.exp(ya - top) + torch.exp(yb - top))
    return torch.stack([ya - norm, yb - norm], dim=1)


def optimizer_for(model, steps_per_epoch, epochs=250):
    opt = torch.optim.AdamW(model.parameters(), lr=3.5e-4, weight_decay=5e-4)
    return opt, torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=max(1, epochs * steps_per_epoch))


def eagle_epochs(graphs, signals, labelled, epochs, width):
    """Eagle's form: all ordered pairs, batches of 64 pairs, both graphs embedded, float64."""
    torch.manual_seed(0)
    model = GCN(width, dtype=torch.float64)
    pairs = [(i, j) for i in labelled for j in labelled if i != j]
    steps = math.ceil(len(pairs) / 64)
    opt, schedule = optimizer_for(model, steps)

    def tensors(batch):
        a = torch.tensor(np.array([[graphs[i][0], graphs[j][0]] for i, j in batch]))
        x = torch.tensor(np.array([[graphs[i][1], graphs[j][1]] for i, j in batch]))
        y = log_targets(torch.tensor([signals[i] for i, _ in batch], dtype=torch.float64),
                        torch.tensor([signals[j] for _, j in batch], dtype=torch.float64))
        return a, x, y

    with common.Clock() as clock:
        for _ in range(epochs):
            random.shuffle(pairs)
            batches = [pairs[s:s + 64] for s in range(0, len(pairs), 64)]
            model.train()
            for batch in batches:
                a, x, y = tensors(batch)
                opt.zero_grad()
                out = model.relation(model.embed(a[:, 0], x[:, 0]), model.embed(a[:, 1], x[:, 1]))
                F.kl_div(out, y, log_target=True, reduction="batchmean").backward()
                opt.step()
                schedule.step()
            model.eval()
            with torch.no_grad():  # eagle's training-loss pass after each epoch
                for batch in batches:
                    a, x, y = tensors(batch)
                    out = model.relation(model.embed(a[:, 0], x[:, 0]), model.embed(a[:, 1], x[:, 1]))
                    F.kl_div(out, y, log_target=True, reduction="batchmean")
    return clock.seconds / epochs, dict(pairsPerEpoch=len(pairs), stepsPerEpoch=steps, graphsEmbeddedPerEpoch=2 * len(pairs),
                                        lossPassGraphsPerEpoch=2 * len(pairs), dtype="float64")


class Efficient:
    """nasarena's computation in PyTorch float32: steps of 16 graphs, all ordered pairs among them."""

    def __init__(self, graphs, width):
        self.a = torch.tensor(np.array([g[0] for g in graphs]))
        self.x = torch.tensor(np.array([g[1] for g in graphs]))
        self.width = width

    def fit(self, labelled, signals, epochs=250, stopping=True, seed=0):
        torch.manual_seed(seed)
        model = GCN(self.width)
        steps = math.ceil(len(labelled) / 16)
        opt, schedule = optimizer_for(model, steps, epochs)
        y = torch.tensor([signals[i] for i in labelled], dtype=torch.float32)
        order = torch.tensor(labelled)
        best, since, run = math.inf, 0, 0
        for epoch in range(epochs):
            model.train()
            perm = torch.randperm(len(labelled))
            total, counted = 0.0, 0
            for s in range(0, len(labelled), 16):
                chosen = perm[s:s + 16]
                c = len(chosen)
                if c < 2:
                    continue
                idx = order[chosen]
                e = model.embed(self.a[idx], self.x[idx])
                left, right = torch.meshgrid(torch.arange(c), torch.arange(c), indexing="ij")
                keep = left != right
                left, right = left[keep], right[keep]
                yb = y[chosen]
                opt.zero_grad()
                loss = F.kl_div(model.relation(e[left], e[right]), log_targets(yb[left], yb[right]),
                                log_target=True, reduction="batchmean")
                loss.backward()
                opt.step()
                schedule.step()
                total += loss.item()
                counted += 1
            run = epoch + 1
            mean = total / max(counted, 1)
            if mean < best - 1e-3:
                best, since = mean, 0
            else:
                since += 1
            if stopping and epoch + 1 >= 20 and since >= 35:
                break
        self.model = model
        return run

    def scores(self, distinct_of, distinct):
        model = self.model
        model.eval()
        u = model.head.weight[0, :600] - model.head.weight[1, :600]
        with torch.no_grad():
            out = []
            for s in range(0, len(distinct), 2048):
                idx = torch.tensor(distinct[s:s + 2048])
                out.append(model.embed(self.a[idx], self.x[idx]) @ u)
            per_distinct = torch.cat(out)
        return per_distinct[distinct_of].numpy()


def distinct_graphs(rows):
    key_of, distinct, slot = {}, [], []
    for i, r in enumerate(rows):
        key = (tuple(r["gcn"]["features"]), tuple(r["gcn"]["adjacency"]))
        if key not in key_of:
            key_of[key] = len(distinct)
            distinct.append(i)
        slot.append(key_of[key])
    return torch.tensor(slot), distinct


def trial(rows, signals, graphs, width, queries, seed):
    rng = random.Random(seed)
    efficient = Efficient(graphs, width)
    slot, distinct = distinct_graphs(rows)
    queried = rng.sample(range(len(rows)), 20)
    fits, epochs, round_ = 0, [], 1
    while len(queried) < queries:
        epochs.append(efficient.fit(queried, signals, seed=round_))
        fits += 1
        ranked = np.argsort(-efficient.scores(slot, distinct), kind="stable")
        known = set(queried)
        wanted = min(20, queries - len(queried))
        chosen = [int(i) for i in ranked if i not in known][:min(10, wanted)]
        picked = set(chosen)
        top = max(1, len(rows) >> round_)
        pool = [int(i) for i in ranked[:top] if i not in known and i not in picked]
        while len(chosen) < wanted and pool:
            chosen.append(pool.pop(rng.randrange(len(pool))))
        picked = set(chosen)
        chosen += [int(i) for i in ranked if i not in known and i not in picked][:wanted - len(chosen)]
        queried += chosen
        round_ += 1
    return fits, epochs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--workload", required=True,
                        choices=["eagle-epoch-20", "eagle-epoch-100", "efficient-epoch-20", "efficient-epoch-100", "trial"])
    parser.add_argument("--epochs", type=int, default=0, help="timed epochs (default: per workload)")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    common.single_thread()
    data = common.load(args.data)
    rows = data["rows"]
    signals = [r["signal"] for r in rows]
    if args.workload == "trial":
        graphs, width = padded(rows, np.float32)
        with common.Clock() as clock:
            fits, epochs = trial(rows, signals, graphs, width, args.queries, 0)
        common.emit("brpnas-trial", clock.seconds, queries=args.queries, fits=fits, epochs=sum(epochs), form="efficient")
        return
    form, _, n = args.workload.split("-")
    n = int(n)
    labelled = common.labelled_positions(len(rows), n)
    if form == "eagle":
        graphs, width = padded(rows, np.float64)
        epochs = args.epochs or (3 if n == 20 else 1)
        seconds, work = eagle_epochs(graphs, signals, labelled, epochs, width)
        common.emit(f"brpnas-epoch-{n}", seconds, form="eagle", labelled=n, epochs=epochs, **work)
    else:
        graphs, width = padded(rows, np.float32)
        epochs = args.epochs or (40 if n == 20 else 10)
        efficient = Efficient(graphs, width)
        with common.Clock() as clock:
            run = efficient.fit(labelled, signals, epochs=epochs, stopping=False)
        steps = math.ceil(n / 16)
        pairs = sum(min(16, n - s) * (min(16, n - s) - 1) for s in range(0, n, 16))
        common.emit(f"brpnas-epoch-{n}", clock.seconds / run, form="efficient", labelled=n, epochs=run, stepsPerEpoch=steps,
                    pairsPerEpoch=pairs, graphsEmbeddedPerEpoch=n, dtype="float32")


if __name__ == "__main__":
    main()
