import NeuralNetworks
import Randomness
import Tensor

/// What `nasarena perf` measures.
public struct NumericsTimingOptions: Sendable {
  /// Graphs for the GCN workload (NAS-Bench-201 cells: 8 nodes, 7 labels).
  public var nasBench201Graphs: [GraphSample]
  /// Graphs for the GIN VAE workload (NAS-Bench-101 cells: up to 7 nodes, 5 labels).
  public var nasBench101Graphs: [GraphSample]
  /// Backends to measure; those that cannot be selected are skipped.
  public var backends: [BackendChoice]
  /// Minimum wall time per matrix-product measurement.
  public var secondsPerShape: Double
  /// Timed epochs per workload and backend (after one untimed warm-up epoch).
  public var epochs: Int
  /// Timed SemiGAN-NAD game steps.
  public var semiGANSteps = 200

  /// Creates options; graphs default to synthetic cells of the right shapes (1000 NB201-shaped,
  /// 10,000 NB101-shaped) until real ones are passed in.
  public init(
    nasBench201Graphs: [GraphSample]? = nil, nasBench101Graphs: [GraphSample]? = nil,
    backends: [BackendChoice] = [.openBLAS, .portable], secondsPerShape: Double = 0.5, epochs: Int = 1
  ) {
    var rng = SeededGenerator(seed: 201)
    self.nasBench201Graphs = nasBench201Graphs ?? (0..<1000).map { _ in GraphSample.randomNASBench201(using: &rng) }
    var rng101 = SeededGenerator(seed: 101)
    self.nasBench101Graphs =
      nasBench101Graphs ?? (0..<10_000).map { _ in GraphSample.randomNASBench101(using: &rng101) }
    self.backends = backends
    self.secondsPerShape = secondsPerShape
    self.epochs = max(epochs, 1)
  }
}

/// The measurements of one `NumericsTiming.run`.
public struct NumericsTimingReport: Sendable {
  /// One matrix-product shape on one backend.
  public struct ProductRow: Sendable {
    /// The product, e.g. `1024x256·256x256`.
    public let shape: String
    /// The backend's description.
    public let backend: String
    /// The sustained rate, GF/s.
    public let gigaflops: Double
  }

  /// One training epoch on one backend.
  public struct WorkloadRow: Sendable {
    /// The workload's title.
    public let workload: String
    /// The backend's description.
    public let backend: String
    /// Wall time of one epoch, the mean over the timed epochs.
    public let secondsPerEpoch: Double
    /// Matrix-product FLOPs of forward and backward passes in one epoch.
    public let matmulGigaflopsPerEpoch: Double
    /// `matmulGigaflopsPerEpoch / secondsPerEpoch`.
    public let achievedGigaflops: Double
    /// `achievedGigaflops` over the backend's raw 2048³ rate.
    public let fractionOfRawRate: Double
    /// Share of the epoch spent inside matrix products (1 − tape and small-op overhead).
    public let fractionInMatmul: Double
  }

  /// Every matrix-product shape on every backend.
  public let products: [ProductRow]
  /// Every training workload on every backend.
  public let workloads: [WorkloadRow]
  /// The 2048³ sgemm rate per backend description.
  public let rawGigaflops: [String: Double]
  /// The sparse graph aggregation (no matrix backend involved).
  public let sparseAggregation: SparseAggregationTiming
  /// SemiGAN-NAD's game by phase, on the task's default backend.
  public let semiGAN: SemiGANTiming

  /// The tables as Markdown, for the terminal, the issue note and `docs/NUMERICS.md`.
  public var markdownTable: String {
    var lines = ["| matmul shape | backend | GF/s |", "|---|---|---:|"]
    for row in products { lines.append("| \(row.shape) | \(row.backend) | \(format(row.gigaflops, 1)) |") }
    lines.append("")
    lines.append("| workload | backend | s/epoch | matmul GFLOP | GF/s | % of raw sgemm | % time in matmul |")
    lines.append("|---|---|---:|---:|---:|---:|---:|")
    for row in workloads {
      lines.append(
        "| \(row.workload) | \(row.backend) | \(format(row.secondsPerEpoch, 3)) | \(format(row.matmulGigaflopsPerEpoch, 1)) | "
          + "\(format(row.achievedGigaflops, 1)) | \(format(100 * row.fractionOfRawRate, 0)) | \(format(100 * row.fractionInMatmul, 0)) |")
    }
    let sparse = sparseAggregation
    lines.append("")
    lines.append("| sparse product (CSR x dense) | ms forward | ms forward + backward |")
    lines.append("|---|---:|---:|")
    lines.append(
      "| \(sparse.nodes) nodes x \(sparse.neighbours) neighbours x \(sparse.features) features | \(format(sparse.forwardMilliseconds, 2)) | "
        + "\(format(sparse.forwardBackwardMilliseconds, 2)) |")
    let game = semiGAN.secondsPer100Steps
    lines.append("")
    lines.append(
      "| semigan-nad, NB201 tokens, default networks | s per 100 steps | batches | D steps | P steps | G steps | sample 500 | score 2000 |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    lines.append(
      "| \(semiGAN.steps) steps timed | \(format(game.total, 3)) | \(format(game.batches, 3)) | \(format(game.discriminator, 3)) | "
        + "\(format(game.predictor, 3)) | \(format(game.generator, 3)) | \(format(semiGAN.samplingSeconds, 3)) | "
        + "\(format(semiGAN.predictionSeconds, 3)) |")
    return lines.joined(separator: "\n")
  }

  private func format(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return digits == 0 ? String(Int(rounded)) : String(rounded)
  }
}

/// The numerics timings behind `nasarena perf --section numerics`.
public enum NumericsTiming {
  /// The matrix-product shapes measured, as `(label, m, n, k)`.
  static let shapes = [
    ("8x64·64x64 x1000 graphs (one call)", 8000, 64, 64), ("256x64·64x64", 256, 64, 64),
    ("1024x256·256x256", 1024, 256, 256), ("2048x2048·2048x2048", 2048, 2048, 2048),
  ]

  /// Measures matrix-product rates and training epochs on each selectable backend, and the
  /// sparse graph aggregation.
  ///
  /// Runs on the calling thread with one BLAS thread; takes about a minute in a release build.
  public static func run(_ options: NumericsTimingOptions) -> NumericsTimingReport {
    var backends: [any MatrixMultiplyBackend] = []
    for choice in options.backends {
      do { backends.append(try Backends.select(choice, environment: nil)) } catch { continue }
    }
    var products: [NumericsTimingReport.ProductRow] = []
    var raw: [String: Double] = [:]
    for backend in backends {
      for (label, m, n, k) in shapes {
        let rate = MatrixMultiplyMeter.gigaflops(backend, m: m, n: n, k: k, minimumSeconds: options.secondsPerShape)
        products.append(.init(shape: label, backend: backend.description, gigaflops: rate))
        if m == 2048 { raw[backend.description] = rate }
      }
    }
    var workloads: [NumericsTimingReport.WorkloadRow] = []
    let clock = ContinuousClock()
    for workload in NumericsWorkload.allCases {
      for backend in backends {
        let meter = MeteredBackend(backend)
        let elapsed = Backends.$current.withValue(meter) {
          let epoch = workload.makeEpoch(options)
          epoch()
          meter.reset()
          let start = clock.now
          for _ in 0..<options.epochs { epoch() }
          return (clock.now - start).seconds / Double(options.epochs)
        }
        let gigaflops = meter.flops / Double(options.epochs) / 1e9
        let achieved = gigaflops / elapsed
        workloads.append(
          .init(
            workload: workload.title, backend: backend.description, secondsPerEpoch: elapsed,
            matmulGigaflopsPerEpoch: gigaflops, achievedGigaflops: achieved,
            fractionOfRawRate: achieved / (raw[backend.description] ?? achieved),
            fractionInMatmul: meter.seconds / Double(options.epochs) / elapsed))
      }
    }
    let sparse = SparseAggregationTiming.measure(minimumSeconds: options.secondsPerShape)
    let semiGAN = SemiGANTiming.measure(steps: options.semiGANSteps)
    return NumericsTimingReport(products: products, workloads: workloads, rawGigaflops: raw, sparseAggregation: sparse, semiGAN: semiGAN)
  }
}
