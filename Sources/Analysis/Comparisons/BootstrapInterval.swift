import Randomness

/// A bootstrap confidence interval of one method's mean `report_of_best_signal` at a checkpoint.
///
/// Every (task, method, checkpoint) cell draws from its own generator,
/// `SeededGenerator(seed: bootstrapSeed).derived("task/method/checkpoint")`, so an interval
/// does not change when other tasks or methods are added to the run.
public struct BootstrapInterval: Hashable, Sendable {
  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// Query count.
  public var checkpoint: Int
  /// Trials resampled.
  public var trials: Int
  /// Confidence level of the interval.
  public var confidence: Double
  /// The mean and its interval.
  public var interval: PercentileBootstrap
}

extension BootstrapInterval {
  /// Intervals for every method at every checkpoint.
  ///
  /// - Complexity: O(methods * checkpoints * samples * trials).
  static func all(
    task: String, checkpoints: [Int], curvesByMethod: [(String, [TrialCurve])], samples: Int,
    confidence: Double, seed: UInt64
  ) -> [BootstrapInterval] {
    let root = SeededGenerator(seed: seed)
    var result: [BootstrapInterval] = []
    for (method, curves) in curvesByMethod {
      for checkpoint in checkpoints {
        let values = curves.compactMap { $0.value(.bestSignal, atQuery: checkpoint) }
        var rng = root.derived("\(task)/\(method)/\(checkpoint)")
        let interval = PercentileBootstrap(values: values, samples: samples, confidence: confidence, using: &rng)
        result.append(
          BootstrapInterval(
            task: task, method: method, checkpoint: checkpoint, trials: values.count, confidence: confidence,
            interval: interval))
      }
    }
    return result
  }
}
