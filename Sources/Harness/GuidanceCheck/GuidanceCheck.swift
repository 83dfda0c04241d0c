import Benchmarks
import Foundation
import Randomness
import Results
import SearchMethods

/// Does DiffusionNAG's guidance work? For each `diffusionnag` method of a suite and each task,
/// the guidance predictor is fitted on `labelled` random domain architectures (their search
/// signal, drawn per seed from the suite seed), then `samples` cells are drawn at each scale
/// from the pretrained score model; each row holds the validity of the samples and the mean
/// true search signal and report metric of those in the domain. Scale 0 is unguided sampling
/// from the same prior draws.
public enum GuidanceCheck {
  /// One scale's samples on one task, method and seed.
  public struct Row: Sendable, Hashable {
    public var task: String
    public var method: String
    public var seed: Int
    public var scale: Float
    public var sampled: Int
    public var valid: Int
    /// Distinct domain architectures among the samples.
    public var unique: Int
    /// Samples inside the domain (repeats counted).
    public var inDomain: Int
    /// Mean search signal over the in-domain samples (NaN when none).
    public var meanSignal: Double
    /// Mean report metric over the in-domain samples (NaN when none).
    public var meanReport: Double
    /// Mean search signal of the labelled architectures the predictor saw.
    public var labelledMeanSignal: Double
  }

  /// Runs the check on every task of `suite` for its `diffusionnag` methods.
  public static func evaluate(
    _ suite: Suite, labelled: Int, scales: [Float], samples: Int, seeds: Int, source: any TaskSource, cache: PretrainingCache?,
    log: (@Sendable (String) -> Void)?
  ) async throws -> [Row] {
    let specs = suite.methods.filter { $0.entry.name == DiffusionNAG.name }
    guard !specs.isEmpty else { throw RunError.noDiffusionMethod(methods: suite.methods.map(\.label)) }
    var tasks: [String: BenchmarkTask] = [:]
    let source = suite.taskSource(over: source)
    for name in suite.tasks { tasks[name] = try source.task(named: name) }
    let cells = suite.tasks.flatMap { task in specs.map { TrialCell(task: task, method: $0.label, trial: 0) } }
    let stage = try await PretrainingStage.prepare(suite, cells: cells, tasks: tasks, options: RunOptions(cache: cache, log: log), workers: 1)
    var rows: [Row] = []
    for name in suite.tasks {
      guard let task = tasks[name] else { continue }
      for spec in specs {
        guard let settings = spec.settings as? DiffusionNAG.Settings,
          let pretrained = try stage.value(label: spec.label, task: name) as? DiffusionNAG.Pretrained
        else { continue }
        for seed in 0..<seeds {
          var split = SeededGenerator(seed: StableHash.combine(StableHash.of("guidance \(name) \(labelled) \(seed)"), suite.seed))
          let picked = split.sampleWithoutReplacement(min(labelled, task.domain.count), from: task.domain.count).map { task.domain.indices[$0] }
          let signals = picked.map { task.signal[$0] }
          let draws = try DiffusionGuidanceProbe.run(
            settings: settings, pretrained: pretrained, space: task.domain.space, labelled: picked, signals: signals, scales: scales,
            samples: samples, seed: split.next())
          for draw in draws {
            let inside = draw.poolIndices.filter(task.domain.contains)
            func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
            rows.append(
              Row(
                task: name, method: spec.label, seed: seed, scale: draw.scale, sampled: draw.sampled, valid: draw.valid, unique: Set(inside).count,
                inDomain: inside.count, meanSignal: mean(inside.map { task.signal[$0] }), meanReport: mean(inside.map { task.report[$0] }),
                labelledMeanSignal: mean(signals)))
          }
        }
      }
    }
    return rows
  }

  /// The rows as CSV, one line per row.
  public static func csv(_ rows: [Row]) -> String {
    var lines = ["task,method,seed,scale,sampled,valid,unique,in_domain,mean_signal,mean_report,labelled_mean_signal"]
    for r in rows {
      lines.append(
        "\(r.task),\(r.method),\(r.seed),\(r.scale),\(r.sampled),\(r.valid),\(r.unique),\(r.inDomain),\(r.meanSignal),\(r.meanReport),\(r.labelledMeanSignal)"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Markdown table with one line per task, method and scale, averaged over the seeds.
  public static func markdown(_ rows: [Row], labelled: Int) -> String {
    var out =
      "| task | method | scale | valid | unique in domain | mean signal | mean report | seeds |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    var keys: [String] = []
    var groups: [String: [Row]] = [:]
    for row in rows {
      let key = "\(row.task)\u{0}\(row.method)\u{0}\(row.scale)"
      if groups[key] == nil { keys.append(key) }
      groups[key, default: []].append(row)
    }
    for key in keys {
      let group = groups[key] ?? []
      guard let first = group.first else { continue }
      let n = Double(group.count)
      let valid = group.map { Double($0.valid) / Double(max($0.sampled, 1)) }.reduce(0, +) / n
      let unique = group.map { Double($0.unique) }.reduce(0, +) / n
      let signal = group.map(\.meanSignal).filter { !$0.isNaN }
      let report = group.map(\.meanReport).filter { !$0.isNaN }
      func text(_ values: [Double]) -> String { values.isEmpty ? "–" : String(format: "%.2f", values.reduce(0, +) / Double(values.count)) }
      out +=
        "| \(first.task) | \(first.method) | \(first.scale == 0 ? "0 (unguided)" : String(format: "%g", first.scale)) | \(String(format: "%.1f %%", 100 * valid)) | \(String(format: "%.1f", unique)) | \(text(signal)) | \(text(report)) | \(group.count) |\n"
    }
    let labelledMean = rows.map(\.labelledMeanSignal).filter { !$0.isNaN }
    out += "\nThe guidance predictor of each seed is fitted on \(labelled) random domain architectures"
    if !labelledMean.isEmpty { out += String(format: " (mean signal %.2f)", labelledMean.reduce(0, +) / Double(labelledMean.count)) }
    out += "; means are over the in-domain samples, then over seeds.\n"
    return out
  }
}
