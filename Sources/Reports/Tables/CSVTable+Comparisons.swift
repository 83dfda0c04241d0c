import Analysis

extension CSVTable {
  /// `queries_to_optimum.csv`: queries to the optimum, top 0.1 % and top 1 %, with censoring.
  static func queriesToOptimum(_ analysis: RunAnalysis) -> CSVTable {
    var table = CSVTable(
      name: "queries_to_optimum.csv",
      header: [
        "task", "method", "target", "convention", "threshold", "trials", "reached", "fraction_reached",
        "mean_queries_reached", "km_median", "km_q25", "km_q75",
      ])
    for entry in analysis.tasks.flatMap(\.queriesToTarget) {
      table.append(
        [
          entry.task, entry.method, entry.target.rawValue, entry.convention.rawValue, NumberFormat.csv(entry.threshold),
          String(entry.trials), String(entry.reached),
        ]
          + [
            entry.fractionReached, entry.meanReached, entry.kaplanMeier.median, entry.kaplanMeier.quantile(0.25),
            entry.kaplanMeier.quantile(0.75),
          ].map(NumberFormat.csv))
    }
    return table
  }

  /// `wilcoxon.csv`: paired signed-rank tests between every pair of methods at each checkpoint.
  static func wilcoxon(_ analysis: RunAnalysis) -> CSVTable {
    var table = CSVTable(
      name: "wilcoxon.csv",
      header: [
        "task", "checkpoint", "method_a", "method_b", "pairs", "nonzero", "mean_difference", "w_plus", "w_minus",
        "p_value", "p_holm", "p_method", "rank_biserial", "better",
      ])
    for entry in analysis.tasks.flatMap(\.comparisons) {
      table.append(
        [entry.task, String(entry.checkpoint), entry.first, entry.second, String(entry.pairs), String(entry.test.n)]
          + [entry.meanDifference, entry.test.wPlus, entry.test.wMinus, entry.test.pValue, entry.holmPValue]
          .map(NumberFormat.csv)
          + [entry.test.exact ? "exact" : "normal", NumberFormat.csv(entry.test.rankBiserial), entry.better ?? "tie"])
    }
    return table
  }

  /// `ranks.csv`: average rank of each method at every query count.
  static func ranks(_ analysis: RunAnalysis) -> CSVTable {
    var table = CSVTable(name: "ranks.csv", header: ["task", "method", "query", "mean_rank", "trials"])
    for entry in analysis.tasks.flatMap(\.ranks) {
      table.append([entry.task, entry.method, String(entry.query), NumberFormat.csv(entry.meanRank), String(entry.trials)])
    }
    return table
  }

  /// `bootstrap.csv`: percentile bootstrap intervals of mean `report_of_best_signal` at each checkpoint.
  static func bootstrap(_ analysis: RunAnalysis) -> CSVTable {
    var table = CSVTable(
      name: "bootstrap.csv",
      header: ["task", "method", "checkpoint", "trials", "mean", "ci_lower", "ci_upper", "confidence", "samples"])
    let samples = String(analysis.settings.bootstrapSamples)
    for entry in analysis.tasks.flatMap(\.bootstrap) {
      table.append(
        [entry.task, entry.method, String(entry.checkpoint), String(entry.trials)]
          + [entry.interval.mean, entry.interval.lower, entry.interval.upper, entry.confidence].map(NumberFormat.csv)
          + [samples])
    }
    return table
  }
}
