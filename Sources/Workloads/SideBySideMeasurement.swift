import Foundation

/// One timed workload of `nasarena perf --section side-by-side`, printed as one JSON line so
/// `bench/run.sh` can set it next to the same computation in Python.
///
/// `work` names what was computed (epochs run, steps, ordered pairs per epoch, fits, queries),
/// so the benchmark's table can state that both sides did the same work.
public struct SideBySideMeasurement: Sendable, Codable, Equatable {
  /// The workload's name, shared with the Python side (e.g. `brpnas-epoch-20`).
  public var workload: String
  /// The matrix backend's description (`OpenBLAS ...` or `portable`).
  public var backend: String
  /// Wall-clock seconds of the measured unit (one epoch, one trial).
  public var seconds: Double
  /// Counts of the work done, by name.
  public var work: [String: Double]
  /// Matrix-product GFLOP of the measured unit (`2 m n k` per product), when metered.
  public var gigaflop: Double?

  /// A measurement.
  public init(workload: String, backend: String, seconds: Double, work: [String: Double] = [:], gigaflop: Double? = nil) {
    self.workload = workload
    self.backend = backend
    self.seconds = seconds
    self.work = work
    self.gigaflop = gigaflop
  }

  /// The measurement as one line of JSON with sorted keys, prefixed by nothing.
  public var jsonLine: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(self), let line = String(data: data, encoding: .utf8) else { return "{}" }
    return line
  }
}
