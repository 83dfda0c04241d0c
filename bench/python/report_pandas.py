"""A pandas analysis of a nasarena run log, the peer of `nasarena report`.

Reads the query log (JSON lines) with `pandas.read_json(lines=True)`, keeps the query lines,
and per (task, method, trial), in query order, computes the three curves nasarena's report
draws: `oracle_max` (cummax of the report metric), the best signal so far, and the report
metric of the best-signal architecture so far (test of best validation); then the mean of
each curve per (task, method, query). Prints wall seconds and peak resident memory.
"""
import argparse
import resource
import time

import pandas as pd

import common


def analyse(path):
    frame = pd.read_json(path, lines=True)
    if "kind" in frame.columns:
        frame = frame[frame["kind"] == "query"]
    frame = frame.sort_values(["task", "method", "trial", "query"], kind="stable")
    groups = frame.groupby(["task", "method", "trial"], sort=False)
    frame["oracle_max"] = groups["report"].cummax()
    frame["best_signal"] = groups["signal"].cummax()
    # The report metric at the running argmax of the signal (the first maximum kept).
    keys = [frame["task"], frame["method"], frame["trial"]]
    previous_best = frame["best_signal"].groupby(keys).shift(1).fillna(float("-inf"))
    frame["report_of_best_signal"] = frame["report"].where(frame["signal"] > previous_best).groupby(keys).ffill()
    curves = frame.groupby(["task", "method", "query"])[["oracle_max", "best_signal", "report_of_best_signal"]].mean()
    return len(frame), curves


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    start = time.perf_counter()
    queries, curves = analyse(args.log)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    common.emit("report", seconds, queries=queries, curvePoints=len(curves), peakMB=peak_mb)


if __name__ == "__main__":
    main()
