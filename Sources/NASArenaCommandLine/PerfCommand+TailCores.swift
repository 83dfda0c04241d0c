import Foundation
import Tensor
import Workloads

extension PerfCommand {
  /// The products of the learned methods on one core and with a second core lent, per backend:
  /// what a trial gains at a suite's tail (`run --tail-cores`).
  func printTailCores() throws {
    var choices: [BackendChoice] = backend.isEmpty ? [.openBLAS, .portable] : backend.map(\.choice)
    if OpenBLASBackend.shared == nil { choices.removeAll { $0 == .openBLAS } }
    print("## The idle core at a suite's tail (one product, one core vs. a lent second core)\n")
    print("| backend | product m x n x k | what | split | us, one core | us, two cores | speed-up |")
    print("|---|---|---|---|---:|---:|---:|")
    // (m, n, k, what, threshold): WeakNAS's 1000-wide layers on a batch of 200 (forward, weight
    // gradient), a domain-prediction chunk, and products at and below the splitting threshold.
    let shapes: [(Int, Int, Int, String, Int?)] = [
      (200, 1000, 1000, "WeakNAS layer, batch 200", nil), (1000, 1000, 200, "WeakNAS weight gradient", nil),
      (2000, 1000, 1000, "WeakNAS prediction, 2000 cells", nil), (256, 256, 256, "at the threshold (16 Mi MACs)", nil),
      (128, 256, 256, "below: forced split", 1), (64, 128, 128, "below: forced split", 1), (32, 64, 64, "below: forced split", 1),
    ]
    for choice in choices {
      let base = try Backends.select(choice, environment: nil)
      for (m, n, k, what, threshold) in shapes {
        let timing = SpareCoreTiming.measure(base, m: m, n: n, k: k, minimumPartMultiplyAdds: threshold ?? 8 << 20)
        print(
          String(
            format: "| %@ | %d x %d x %d | %@ | %@ | %.1f | %.1f | %.2fx |", base.description, m, n, k, what, threshold == nil ? "default" : "forced",
            timing.oneCoreMicroseconds, timing.sharedMicroseconds, timing.speedUp))
      }
    }
    print("\nBest of 3 interleaved timings of at least 0.3 s each; the machine's other load slows either column.\n")
  }
}
