"""One arch2vec pretraining epoch on the NB201 pool (MSU-MLSys-Lab/arch2vec), in PyTorch.

Graphs: nasarena's exported arch2vec cells (8 nodes: input, the 6 edge operations as nodes,
output; 7 node types with `none` kept), in pool order. Input adjacency A + A^T.
Encoder: 4 GIN layers, h = MLP((1 + eps) h + A h) with a learnable eps per layer, MLP =
Linear, BatchNorm, ReLU, Linear, then BatchNorm and ReLU; hidden 128; per node mu and
log sigma = Linear(128 -> 16). Decoder: dropout 0.3 on z; types = sigmoid(Linear(16 -> 7));
adjacency = sigmoid(z z^T). Loss = BCE(types) + BCE(adjacency) + KL / (batch x nodes). Adam
lr 1e-3, gradient norm clipped at 5, batch 32, shuffled, on the first 90 % of the pool; after
the epoch, reconstruction accuracy on the last 10 % in eval mode (as arch2vec reports each
epoch). Timed: the epoch and that evaluation.
"""
import argparse

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import common


class GIN(nn.Module):
    def __init__(self, inputs, hidden):
        super().__init__()
        self.eps = nn.Parameter(torch.zeros(1))
        self.first = nn.Linear(inputs, hidden)
        self.norm_inner = nn.BatchNorm1d(hidden)
        self.second = nn.Linear(hidden, hidden)
        self.norm = nn.BatchNorm1d(hidden)

    def forward(self, h, adjacency):
        b, n, _ = h.shape
        x = (1 + self.eps) * h + torch.bmm(adjacency, h)
        x = self.first(x).reshape(b * n, -1)
        x = F.relu(self.norm_inner(x)).reshape(b, n, -1)
        x = self.second(x).reshape(b * n, -1)
        return F.relu(self.norm(x)).reshape(b, n, -1)


class VAE(nn.Module):
    def __init__(self, types, hidden=128, latent=16, layers=4, dropout=0.3):
        super().__init__()
        self.layers = nn.ModuleList([GIN(types if i == 0 else hidden, hidden) for i in range(layers)])
        self.mu = nn.Linear(hidden, latent)
        self.log_sigma = nn.Linear(hidden, latent)
        self.types = nn.Linear(latent, types)
        self.dropout = dropout

    def forward(self, x, adjacency):
        h = x
        for layer in self.layers:
            h = layer(h, adjacency)
        mu, log_sigma = self.mu(h), self.log_sigma(h)
        z = mu + torch.randn_like(mu) * torch.exp(log_sigma) if self.training else mu
        z = F.dropout(z, self.dropout, self.training)
        return torch.sigmoid(self.types(z)), torch.sigmoid(z @ z.transpose(1, 2)), mu, log_sigma


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    common.single_thread()
    rows = common.load(args.data)["rows"]
    pool = sorted(rows, key=lambda r: r["pool"])
    types = pool[0]["a2v"]["vocabulary"]
    n = pool[0]["a2v"]["nodes"]
    adjacency = torch.tensor(np.array([r["a2v"]["adjacency"] for r in pool], dtype=np.float32).reshape(-1, n, n))
    ops = torch.zeros(len(pool), n, types)
    for g, r in enumerate(pool):
        ops[g, torch.arange(n), torch.tensor(r["a2v"]["types"])] = 1
    undirected = adjacency + adjacency.transpose(1, 2)
    split = len(pool) * 9 // 10
    torch.manual_seed(0)
    model = VAE(types)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    with common.Clock() as clock:
        model.train()
        order = torch.randperm(split)
        steps = 0
        for s in range(0, split, 32):
            idx = order[s:s + 32]
            b = len(idx)
            recon_ops, recon_adj, mu, log_sigma = model(ops[idx], undirected[idx])
            kl = -0.5 / (b * n) * torch.mean(torch.sum(1 + 2 * log_sigma - mu ** 2 - torch.exp(log_sigma) ** 2, dim=2))
            loss = F.binary_cross_entropy(recon_ops, ops[idx]) + F.binary_cross_entropy(recon_adj, adjacency[idx]) + kl
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5)
            opt.step()
            steps += 1
        model.eval()
        with torch.no_grad():
            recon_ops, recon_adj, _, _ = model(ops[split:], undirected[split:])
            accuracy = ((recon_ops.argmax(2) == ops[split:].argmax(2)).float().mean().item(),
                        ((recon_adj > 0.5).float() == adjacency[split:]).float().mean().item())
    common.emit("arch2vec-epoch", clock.seconds, trainingGraphs=split, heldOutGraphs=len(pool) - split, steps=steps, batch=32,
                hidden=128, latent=16, heldOutTypeAccuracy=accuracy[0])


if __name__ == "__main__":
    main()
