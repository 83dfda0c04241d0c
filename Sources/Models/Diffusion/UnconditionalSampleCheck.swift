internal import Foundation
import Randomness
import SearchSpaces

/// What unguided samples of a trained score model look like against its space: validity,
/// uniqueness, pool membership, and per-position token frequencies against the pool's (on
/// NAS-Bench-201 every cell is valid and the pool is the whole space, so a model that learnt
/// the space samples each operation at each position about as often as the table holds it).
public struct UnconditionalSampleCheck: Sendable {
  /// Samples drawn.
  public let drawn: Int
  /// The sampler's steps (0 when unknown).
  public let samplerSteps: Int
  /// Samples that spell an architecture of the space.
  public let valid: Int
  /// Distinct valid architectures.
  public let unique: Int
  /// Valid samples that are pool architectures.
  public let inPool: Int
  /// Per position of the token layout, the frequency of each token among the valid samples.
  public let frequencies: [[Double]]
  /// The same over the pool.
  public let poolFrequencies: [[Double]]

  /// Draws `count` samples of `model` in batches of at most 256 and judges them on `space`.
  public init(
    model: DiffusionScoreModel, space: any SearchSpace, count: Int, sampler: PredictorCorrectorSampler,
    using rng: inout some RandomNumberGenerator
  ) {
    let form = model.form
    var cells: [Architecture] = []
    var remaining = count
    while remaining > 0 {
      let batch = min(remaining, 256)
      let values = model.sample(count: batch, sampler: sampler, using: &rng)
      for sample in 0..<batch {
        if let cell = form.architecture(fromSample: values[(sample * form.width)..<((sample + 1) * form.width)]), space.status(of: cell).isValid {
          cells.append(cell)
        }
      }
      remaining -= batch
    }
    self.init(drawn: count, validCells: cells, space: space, samplerSteps: sampler.sde.steps)
  }

  /// Judges the valid cells `validCells` of `drawn` samples.
  public init(drawn: Int, validCells: [Architecture], space: any SearchSpace, samplerSteps: Int = 0) {
    self.drawn = drawn
    self.samplerSteps = samplerSteps
    valid = validCells.count
    let indices = validCells.map { space.status(of: $0).poolIndex }
    unique = Set(zip(validCells, indices).map { cell, index in index.map { "p\($0)" } ?? "\(cell)" }).count
    inPool = indices.filter { $0 != nil }.count
    let layout = space.tokenLayout
    frequencies = Self.frequencies(validCells.compactMap(layout.tokens(of:)), layout: layout)
    poolFrequencies = Self.frequencies((0..<space.poolSize).compactMap { layout.tokens(of: space.architecture(at: $0)) }, layout: layout)
  }

  private static func frequencies(_ rows: [[Int]], layout: TokenLayout) -> [[Double]] {
    var counts = layout.positions.map { [Double](repeating: 0, count: $0.vocabularySize) }
    for row in rows {
      for (position, token) in row.enumerated() { counts[position][token] += 1 }
    }
    return counts.map { column in column.map { $0 / Double(max(rows.count, 1)) } }
  }

  /// The largest absolute gap between a sampled and the pool's token frequency.
  public var largestFrequencyGap: Double {
    zip(frequencies, poolFrequencies).map { zip($0, $1).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
  }

  /// One line for the pretraining log.
  public var line: String {
    func percent(_ part: Int, _ whole: Int) -> String { String(format: "%.1f %%", 100 * Double(part) / Double(max(whole, 1))) }
    let steps = samplerSteps > 0 ? " (\(samplerSteps) sampler steps)" : ""
    return
      "unconditional samples\(steps): \(drawn) drawn, valid \(percent(valid, drawn)), unique among valid \(percent(unique, valid)), in the pool \(percent(inPool, drawn)), largest per-position frequency gap to the pool \(String(format: "%.3f", largestFrequencyGap))"
  }
}
