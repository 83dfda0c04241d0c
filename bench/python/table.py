"""Builds the side-by-side Markdown table from run.sh's measurements (JSON lines)."""
import argparse
import json
import statistics
from collections import defaultdict


def load(path):
    runs = defaultdict(list)
    for line in open(path):
        record = json.loads(line)
        runs[(record["workload"], record["variant"])].append(record)
    return runs


def times(runs, workload, variant):
    return [r["seconds"] for r in runs.get((workload, variant), [])]


def cell(values):
    if not values:
        return "not run"
    return f"{min(values):.3f} / {statistics.median(values):.3f} ({len(values)})"


def work(runs, workload, variant, keys):
    records = runs.get((workload, variant), [])
    if not records:
        return "-"
    w = records[0]["work"]
    parts = []
    for key in keys:
        if key in w:
            value = w[key]
            parts.append(f"{key} {value:g}" if isinstance(value, (int, float)) else f"{key} {value}")
    return ", ".join(parts)


def ratio(peer, mine):
    return min(peer) / min(mine) if peer and mine else None


def fmt(value, suffix="x"):
    return "-" if value is None else f"{value:.2f}{suffix}"


def verdict(checks):
    if any(c is None for c in checks):
        return "not measured"
    return "met" if all(checks) else "missed"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("measurements")
    parser.add_argument("--versions", default=None)
    parser.add_argument("--load", default="?")
    parser.add_argument("--repeats", default="?")
    parser.add_argument("--weaknas-repeats", default="?")
    parser.add_argument("--brpnas-trial-repeats", default="?")
    args = parser.parse_args()
    runs = load(args.measurements)
    out = ["# Side by side with the official implementations", ""]
    if args.versions:
        out.append("Python side: " + open(args.versions).read().strip() + ".")
    out.append(
        f"One thread each side, interleaved (python, nasarena OpenBLAS, nasarena portable, repeat). Repeats: "
        f"{args.repeats} (WeakNAS trial {args.weaknas_repeats}, BRP-NAS trial {args.brpnas_trial_repeats}). "
        f"Load average at the end: {args.load}. Times are min / median (repeats), seconds; ratios are peer min / NASArena min.")
    out += ["", "| workload | what each side computes | peer min / median s | NASArena OpenBLAS min / median s | NASArena portable min / median s "
            "| ratio OpenBLAS | ratio portable | target | status |", "|---|---|---:|---:|---:|---:|---:|---|---|"]

    def row(label, workload, peer_variant, what, target, checks_of):
        peer = times(runs, workload, peer_variant)
        blas = times(runs, workload, "nasarena-openblas")
        port = times(runs, workload, "nasarena-portable")
        rb, rp = ratio(peer, blas), ratio(peer, port)
        out.append(f"| {label} | {what} | {cell(peer)} | {cell(blas)} | {cell(port)} | {fmt(rb)} | {fmt(rp)} | {target} | "
                   f"{verdict(checks_of(rb, rp, blas, port))} |")
        return rb, rp, blas, port

    def at_least(x, y):
        return lambda rb, rp, *_: [None if rb is None else rb >= x, None if rp is None else rp >= y]

    weak_what = ("python: " + work(runs, "weaknas-trial", "python", ["queries", "fits", "epochs", "epochsPerFitMin", "epochsPerFitMax"])
                 + "; nasarena: " + work(runs, "weaknas-trial", "nasarena-openblas", ["queries", "fits"]))
    row("WeakNAS trial, NB201 CIFAR-10, 200 queries (scikit-learn MLPRegressor 4 x 1000, its stopping rule, one MLP a round)",
        "weaknas-trial", "python", weak_what, ">= 5x OpenBLAS, >= 3x portable; portable within 1.25x of OpenBLAS",
        lambda rb, rp, b, p: at_least(5, 3)(rb, rp) + [None if not (b and p) else min(p) / min(b) <= 1.25])
    for n in (20, 100):
        wl = f"brpnas-epoch-{n}"
        keys = ["labelled", "epochs", "stepsPerEpoch", "pairsPerEpoch", "graphsEmbeddedPerEpoch", "dtype"]
        mine = "nasarena: " + work(runs, wl, "nasarena-openblas", keys)
        row(f"BRP-NAS fit, s per epoch, n = {n}, vs PyTorch as eagle does it", wl, "python-eagle",
            "eagle form: " + work(runs, wl, "python-eagle", keys + ["lossPassGraphsPerEpoch"]) + "; " + mine,
            ">= 5x OpenBLAS, >= 3x portable", at_least(5, 3))
        row(f"BRP-NAS fit, s per epoch, n = {n}, vs PyTorch one embedding per graph", wl, "python-efficient",
            "efficient form: " + work(runs, wl, "python-efficient", keys) + "; " + mine, ">= 1x (never slower)", at_least(1, 1))
    row("BRP-NAS trial, NB201 CIFAR-10, 200 queries (rounds of 20), vs PyTorch one embedding per graph", "brpnas-trial",
        "python-efficient", "python: " + work(runs, "brpnas-trial", "python-efficient", ["queries", "fits", "epochs"])
        + "; nasarena: " + work(runs, "brpnas-trial", "nasarena-openblas", ["queries", "fits"]), ">= 1x (never slower)", at_least(1, 1))
    a2v_keys = ["trainingGraphs", "heldOutGraphs", "steps", "batch", "hidden", "latent"]
    row("arch2vec pretraining epoch, NB201 pool (GIN VAE)", "arch2vec-epoch", "python",
        "python: " + work(runs, "arch2vec-epoch", "python", a2v_keys) + "; nasarena: " + work(runs, "arch2vec-epoch", "nasarena-openblas", a2v_keys),
        ">= 5x OpenBLAS, >= 3x portable (and >= 1x)", at_least(5, 3))
    peer = runs.get(("report", "python"), [])
    mine = runs.get(("report", "nasarena-openblas"), [])
    peak_py = max((r["work"].get("peakMB", 0) for r in peer), default=0)
    peak_me = max((r["work"].get("peakMB", 0) for r in mine), default=0)
    queries = peer[0]["work"].get("queries") if peer else None
    log_mb = mine[0]["work"].get("logBytes", 0) / 1048576 if mine else 0
    rb = ratio([r["seconds"] for r in peer], [r["seconds"] for r in mine])
    ok = None if not mine else (min(r["seconds"] for r in mine) < 3 and peak_me < 300)
    out.append(
        f"| `nasarena report` of the random-search log ({queries or '?'} queries, {log_mb:.0f} MB) vs pandas `read_json(lines=True)` + cummax curves "
        f"| process wall time and peak RSS (`/usr/bin/time`); pandas: {peak_py:.0f} MB peak; nasarena (writes every CSV, summary and HTML): {peak_me:.0f} MB peak "
        f"| {cell([r['seconds'] for r in peer])} | {cell([r['seconds'] for r in mine])} | (no matrix work) | {fmt(rb)} | - "
        f"| < 3 s and < 300 MB | {'not measured' if ok is None else ('met' if ok else 'missed')} |")

    sgemm = {}
    for shape in ("1024x256x256", "2048x2048x2048"):
        for variant in ("python", "nasarena-openblas", "nasarena-portable"):
            records = runs.get((f"sgemm-{shape}", variant), [])
            if records:
                sgemm[(shape, variant)] = records[0]["work"]["gigaflops"]
    out += ["", "| sgemm GF/s, one thread | numpy | NASArena OpenBLAS | NASArena portable |", "|---|---:|---:|---:|"]
    for shape in ("1024x256x256", "2048x2048x2048"):
        out.append(f"| {shape} | " + " | ".join(
            f"{sgemm[(shape, v)]:.1f}" if (shape, v) in sgemm else "-" for v in ("python", "nasarena-openblas", "nasarena-portable")) + " |")

    out += ["", "| NASArena rate (matrix-product GFLOP / wall s of the unit) | GFLOP | OpenBLAS GF/s | share of its 1024x256x256 sgemm "
            "| portable GF/s | share of its sgemm | target |", "|---|---:|---:|---:|---:|---:|---|"]
    for label, wl, target in (("WeakNAS trial", "weaknas-trial", ">= 85 %"), ("BRP-NAS epoch n = 100 (GCN)", "brpnas-epoch-100", ">= 70 %"),
                              ("BRP-NAS trial (GCN)", "brpnas-trial", ">= 70 %"), ("arch2vec epoch (GIN)", "arch2vec-epoch", ">= 70 %")):
        cells = []
        gflop = None
        for variant in ("nasarena-openblas", "nasarena-portable"):
            records = runs.get((wl, variant), [])
            if not records or records[0].get("gigaflop") is None:
                cells += ["-", "-"]
                continue
            best = min(records, key=lambda r: r["seconds"])
            gflop = best["gigaflop"] if gflop is None else gflop
            rate = gflop / best["seconds"]
            base = sgemm.get(("1024x256x256", variant))
            cells += [f"{rate:.1f}", f"{100 * rate / base:.0f} %" if base else "-"]
        out.append(f"| {label} | {'-' if gflop is None else f'{gflop:.1f}'} | " + " | ".join(cells) + f" | {target} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
