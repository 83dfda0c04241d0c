import Models
import Randomness
import SearchSpaces

/// SemiGAN-NAD, **reconstructed**: a conditional GAN over architecture tokens whose
/// performance predictor learns from queried and unlabelled architectures, and whose
/// generator proposes architectures for high target performance (NACG).
///
/// Source: Liu, Yu, Liu and Tian, 2024, "Efficient Neural Architecture Design via Capturing
/// Architecture-Performance Joint Distribution", AISTATS, PMLR 238:1738-1746. Only the abstract
/// is public (no code, no tables), so this is NASArena's reconstruction in the spirit of
/// Triple-GAN, not the authors' method; every choice the abstract leaves open is a setting and
/// is listed with its reason in `docs/methods/semigan-nad.md`. In short:
///
/// - Architectures are rows of the space's `TokenLayout`; the predictor P, the generator G and
///   the discriminator D are small transformers over the positions (`SemiGANModel`).
/// - Round 0 queries `initialSize` architectures of the shared initial design. Each later
///   round trains the game (`initialSteps` the first time, then `roundSteps` more with the
///   networks kept: warm start), then G samples `samples` cells for targets above the best
///   signal seen (drawing again at twice the temperature, up to `draws` times, while fewer
///   than `candidates` cells qualify), the unique valid unqueried domain cells are ranked by P
///   and the top `batchSize` are proposed as cells. When fewer than `batchSize` qualify, P's
///   ranking of `fallbackSample` random unqueried domain architectures fills the round.
/// - `selection: pool-ranking` skips G and lets P rank the whole unqueried domain (the "no
///   generator" ablation); `unlabelledShare: 0`, `adversarialWeight: 0` and `cycleWeight: 0`
///   are the other ablations.
///
/// The recommendation is P's top-1 among the queried architectures and the round's candidates.
/// Each round's generation report counts what G generated (validity, uniqueness, novelty,
/// per-position token counts: the "architecture signatures").
public struct SemiGANNAD: PredictorProviding, Recommending, GenerationReporting {
  public static let name = "semigan-nad"
  public static let abstract =
    "RECONSTRUCTION of SemiGAN-NAD (Liu et al. 2024; abstract only): semi-supervised conditional GAN over tokens, generator proposes high-target cells ranked by its predictor."

  public static let reconstruction: String? =
    "a reconstruction of SemiGAN-NAD (Liu et al., AISTATS 2024) from its abstract alone, not the authors' method; choices in docs/methods/semigan-nad.md"

  private let settings: Settings
  private let domain: Domain
  private let pool: PoolTokens
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private var model: SemiGANModel?
  private var round = 0
  private var lastReport: GenerationReport?
  private var predictedBest: Int?
  private var roundLosses: [LossCurve] = []

  public init(settings: Settings, context: SearchContext) {
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
    self.pool = PoolTokens.shared(context.space)
  }

  public static func makePredictor(settings: Settings, domain: Domain) -> any Predictor {
    SemiGANPredictor(
      space: domain.space, training: settings.gameSettings, steps: settings.initialSteps, usesPool: settings.training.unlabelledShare > 0)
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    defer { round += 1 }
    lastReport = nil
    if round == 0 {
      return design.proposals(min(count, settings.initialSize))
    }
    guard memory.count < domain.count else { return [] }
    let wanted = min(count, settings.batchSize)
    let model = trainedModel(using: &rng)
    switch settings.selection {
    case .generator:
      return generatedProposals(wanted, model: model, using: &rng)
    case .poolRanking:
      let unqueried = domain.indices.filter { !memory.contains($0) }
      let ranked = PredictedRanking(unqueried, scores: model.predict(poolIndices: unqueried, of: pool)).order
      predictedBest = ranked.first
      return ranked.prefix(wanted).map { Proposal.poolIndex($0) }
    }
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }

  public func recommendation() -> Int? { predictedBest }

  public func generationReport() -> GenerationReport? { lastReport }

  // MARK: - Rounds

  /// The model trained on every queried architecture: made and trained `initialSteps` the
  /// first time, trained `roundSteps` more afterwards.
  private mutating func trainedModel(using rng: inout SeededGenerator) -> SemiGANModel {
    let fresh = model == nil
    let model = model ?? SemiGANModel(tokens: PaddedTokens(pool.layout), training: settings.gameSettings, using: &rng)
    let queried = memory.order
    let before = model.losses.count
    model.train(
      labelled: queried.map(pool.row), targets: queried.compactMap { memory[$0] },
      pool: settings.training.unlabelledShare > 0 ? pool : nil, steps: fresh ? settings.initialSteps : settings.roundSteps, using: &rng)
    self.model = model
    roundLosses = Self.lossCurves(Array(model.losses[before...]), window: settings.lossCurveWindow)
    return model
  }

  /// The round's three loss series, each the mean of every `window` steps (none when 0).
  public static func lossCurves(_ steps: [SemiGANModel.StepLosses], window: Int) -> [LossCurve] {
    guard window > 0, !steps.isEmpty else { return [] }
    let series: [(String, KeyPath<SemiGANModel.StepLosses, Float>)] = [
      ("discriminator", \.discriminator), ("predictor", \.predictor), ("generator", \.generator),
    ]
    return series.map { name, path in
      let values = stride(from: 0, to: steps.count, by: window).map { start in
        let chunk = steps[start..<min(start + window, steps.count)]
        return chunk.reduce(0.0) { $0 + Double($1[keyPath: path]) } / Double(chunk.count)
      }
      return LossCurve(name: name, values: values)
    }
  }

  /// NACG: sample for high targets, keep the unique valid unqueried domain cells, rank them by
  /// P, propose the top `wanted`; fill a short round from P's ranking of a random sample.
  ///
  /// A draw of `samples` cells that leaves fewer than `candidates` such cells is followed by
  /// another at twice the sampling temperature, up to `draws` draws (a collapsed generator
  /// yields few distinct cells; the hotter draws widen the set P chooses from).
  private mutating func generatedProposals(_ wanted: Int, model: SemiGANModel, using rng: inout SeededGenerator) -> [Proposal] {
    let layout = pool.layout
    var generated: [Architecture] = []
    var seen = Set<Int>()
    var candidates: [(index: Int, architecture: Architecture, tokens: [Int])] = []
    var temperature = settings.samplingTemperature
    for _ in 0..<settings.draws {
      let targets = model.highTargets(count: settings.samples, margin: settings.training.targetMargin, using: &rng)
      let rows = model.generate(standardizedTargets: targets, temperature: temperature, using: &rng)
      for row in rows {
        guard let cell = layout.architecture(from: row) else { continue }
        generated.append(cell)
        guard let index = domain.space.status(of: cell).poolIndex, domain.contains(index), !memory.contains(index),
          seen.insert(index).inserted
        else { continue }
        candidates.append((index, cell, row))
      }
      if candidates.count >= settings.candidates { break }
      temperature = temperature > 0 ? temperature * 2 : 1
    }
    lastReport = GenerationReport(
      generated: generated, domain: domain, queried: Set(memory.order), countingTokens: true, lossCurves: roundLosses)
    let scores = model.predict(candidates.map(\.tokens))
    let order = candidates.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : candidates[$0].index < candidates[$1].index }
    var proposals = order.prefix(wanted).map { Proposal.architecture(candidates[$0].architecture) }
    var chosen = Set(order.prefix(wanted).map { candidates[$0].index })
    if proposals.count < wanted {
      let sample = memory.unqueriedSample(settings.fallbackSample, of: domain, excluding: chosen, using: &rng)
      let ranked = PredictedRanking(sample, scores: model.predict(poolIndices: sample, of: pool)).order
      for index in ranked.prefix(wanted - proposals.count) {
        proposals.append(.poolIndex(index))
        chosen.insert(index)
      }
    }
    predictedBest = recommendation(model: model, candidates: candidates.map(\.index), candidateScores: scores)
    return proposals
  }

  /// P's top-1 among the queried architectures and the round's candidates (whose scores the
  /// ranking already computed).
  private func recommendation(model: SemiGANModel, candidates: [Int], candidateScores: [Double]) -> Int? {
    let queried = memory.order
    let known = queried + candidates
    guard !known.isEmpty else { return nil }
    return PredictedRanking(known, scores: model.predict(poolIndices: queried, of: pool) + candidateScores).order.first
  }
}

extension SemiGANNAD.Settings {
  /// The game's settings as this method's selection needs them (no generator training when
  /// P ranks the pool).
  var gameSettings: SemiGANTraining {
    var game = training
    game.trainsGenerator = selection == .generator
    return game
  }
}
