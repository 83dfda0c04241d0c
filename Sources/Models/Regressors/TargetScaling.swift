/// Standardisation of training targets (z-scores) and its inverse.
///
/// Regressors train on `(y - mean) / std` of their own labelled set (never on statistics of
/// the whole table, which would leak labels); a constant set keeps `std = 1`.
public struct TargetScaling: Sendable, Hashable {
  /// Mean of the training targets.
  public let mean: Double
  /// Population standard deviation of the training targets (1 when they are all equal).
  public let standardDeviation: Double

  /// The scaling of `targets`.
  public init(_ targets: [Double]) {
    let n = Double(max(targets.count, 1))
    let mean = targets.reduce(0, +) / n
    let variance = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
    self.mean = mean
    standardDeviation = variance > 1e-24 ? variance.squareRoot() : 1
  }

  /// `targets` as z-scores.
  public func standardized(_ targets: [Double]) -> [Float] {
    targets.map { Float(($0 - mean) / standardDeviation) }
  }

  /// A prediction in target units.
  public func restored(_ value: Float) -> Double {
    Double(value) * standardDeviation + mean
  }
}
