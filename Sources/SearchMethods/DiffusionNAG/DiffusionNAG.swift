import Models
import Randomness
import SearchSpaces

/// DiffusionNAG-style search: predictor-guided diffusion over the node-type matrices of cells.
///
/// Source: An, Lee, Jeong, Lee, Hwang and Hwang, 2024, "DiffusionNAG: Predictor-guided Neural
/// Architecture Generation with Diffusion Models", ICLR (code: CownowAn/DiffusionNAG). The
/// released code is the transferable setting (a predictor meta-trained over image datasets);
/// this is the from-scratch loop on a tabular benchmark that `docs/methods/diffusionnag.md`
/// describes, built from the source's model, SDE, sampler and guidance schedule.
///
/// Pretraining (label-free, cached by the harness): `DiffusionScoreModel`, the source's
/// 12-block graph transformer, trained by denoising score matching on every pool cell under
/// the variance-exploding SDE (sigma 0.1 .. 5.0); the report draws `reportSamples`
/// unconditional samples and prints their validity, uniqueness and the largest gap between
/// their per-position type frequencies and the pool's.
///
/// Search: the first `initialSize` architectures come from the shared initial design. Each
/// later round fits a noise-aware predictor (`NoiseAwarePredictor`, the source's
/// PredictorCATE) on the queried cells, perturbed to random times, and (with `ranking: clean`)
/// a clean one; then draws `samplesPerDraw` cells with the predictor-corrector sampler on the
/// score plus `scale` times the predictor's input gradient, the scale starting at
/// `guidanceScale` and lowered by `scaleStep` after each draw, until `candidates` unique valid
/// unqueried domain cells exist or `draws` draws are done; the ranking predictor's top
/// `batchSize` are proposed as cells. A round with fewer candidates is filled by the ranking
/// predictor's top of `fallbackSample` random unqueried domain architectures.
///
/// Differences from the source (each with its reason in `docs/methods/diffusionnag.md`): the
/// score network has 4 blocks, not 12, and the predictors 2; the training schedule
/// (`ScoreMatchingTraining`); 100 sampler steps, not 1,000, and draws of 32 cells, not 256;
/// the guidance scale starts at 10, not 10,000 (the targets are standardised, and on NB201 a
/// scale of 100 already leaves no sample valid), lowered by the source's ratio; `batchSize` 5
/// (the source's transfer loop trains one candidate). On NAS-Bench-101, which the source has
/// no model for, labels and adjacency are diffused together (`DiffusionNodeForm`);
/// NAS-Bench-Graph is refused by `validate`.
public struct DiffusionNAG: Pretrainable, Recommending, GenerationReporting {
  public typealias Pretrained = DiffusionScoreModel.Saved

  public static let name = "diffusionnag"
  public static let abstract =
    "DiffusionNAG-style search (An et al. 2024): a score model pretrained on the unlabelled pool, guided by a noise-aware predictor each round."

  private let settings: Settings
  private let domain: Domain
  private var design: InitialDesign
  private var memory = ObservationMemory()
  private let model: DiffusionScoreModel
  private var started = false
  private var lastReport: GenerationReport?
  private var predictedBest: Int?

  public init(settings: Settings, context: SearchContext, pretrained: DiffusionScoreModel.Saved) throws {
    self.settings = settings
    self.domain = context.domain
    self.design = context.initialDesign
    self.model = try DiffusionScoreModel(space: context.space, saved: pretrained)
  }

  // MARK: - Pretraining

  public static func pretrainingKey(settings: Settings) -> String { settings.pretrainingKey }

  public static func check(_ settings: Settings, against space: any SearchSpace) throws {
    for (shape, prefix) in [(settings.scoreNetwork, ""), (settings.predictor, "predictor")] {
      let key = prefix.isEmpty ? "modelSize" : "predictorModelSize"
      guard shape.modelSize % shape.heads == 0, shape.modelSize % 2 == 0 else {
        throw MethodSettingsError.invalidValue(
          key: key, value: "\(shape.modelSize)", expected: "an even multiple of the \(prefix.isEmpty ? "heads" : "predictorHeads") (\(shape.heads))",
          path: [key])
      }
    }
    guard settings.sde.sigmaMin < settings.sde.sigmaMax else {
      throw MethodSettingsError.invalidValue(
        key: "sigmaMax", value: "\(settings.sde.sigmaMax)", expected: "a noise level above sigmaMin (\(settings.sde.sigmaMin))", path: ["sigmaMax"])
    }
    do {
      _ = try DiffusionNodeForm(space: space, mask: settings.attentionMask)
    } catch let error as DiffusionFormError {
      throw MethodSettingsError.invalidValue(key: "space", value: space.name, expected: "a space DiffusionNAG can diffuse: \(error)", path: [])
    }
  }

  public static func pretrain(
    settings: Settings, space: any SearchSpace, using rng: inout SeededGenerator, progress: (String) -> Void
  ) throws -> DiffusionScoreModel.Saved {
    let model = try DiffusionScoreModel(space: space, shape: settings.scoreNetwork, sde: settings.sde, mask: settings.attentionMask, using: &rng)
    let every = max(settings.training.iterations / 20, 1)
    model.train(poolIndices: Array(0..<space.poolSize), training: settings.training, reportEvery: every, using: &rng) { iteration, loss in
      progress("iteration \(iteration)/\(settings.training.iterations): score-matching loss \(String(format: "%.4f", loss))")
    }
    if settings.reportSamples > 0 {
      var reportRNG = SeededGenerator(seed: rng.next())
      let check = UnconditionalSampleCheck(model: model, space: space, count: settings.reportSamples, sampler: settings.sampler, using: &reportRNG)
      progress(check.line)
    }
    return model.saved
  }

  // MARK: - Search

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    lastReport = nil
    if !started {
      started = true
      return design.proposals(min(count, settings.initialSize))
    }
    guard memory.count < domain.count else { return [] }
    let wanted = min(count, settings.batchSize)
    let form = model.form
    let queried = memory.order
    let x = form.matrices(ofPool: queried)
    let targets = queried.compactMap { memory[$0] }
    let guide = NoiseAwarePredictor(form: form, sde: model.sde, shape: settings.predictor, noised: true, using: &rng)
    guide.fit(x, targets: targets, training: settings.predictorTraining, using: &rng)
    let ranker: NoiseAwarePredictor
    switch settings.ranking {
    case .noiseAware: ranker = guide
    case .clean:
      ranker = NoiseAwarePredictor(form: form, sde: model.sde, shape: settings.predictor, noised: false, using: &rng)
      ranker.fit(x, targets: targets, training: settings.predictorTraining, using: &rng)
    }

    var generated: [Architecture] = []
    var total = 0
    var seen = Set<Int>()
    var candidates: [(index: Int, architecture: Architecture)] = []
    var scale = settings.guidanceScale
    for _ in 0..<settings.draws {
      let samples = model.sample(count: settings.samplesPerDraw, sampler: settings.sampler, guide: guide, scale: scale, using: &rng)
      total += settings.samplesPerDraw
      for sample in 0..<settings.samplesPerDraw {
        guard let cell = form.architecture(fromSample: samples[(sample * form.width)..<((sample + 1) * form.width)]) else { continue }
        generated.append(cell)
        guard let index = domain.space.status(of: cell).poolIndex, domain.contains(index), !memory.contains(index), seen.insert(index).inserted
        else { continue }
        candidates.append((index, cell))
      }
      if candidates.count >= settings.candidates { break }
      scale -= settings.scaleStep
    }
    var report = GenerationReport(generated: generated, domain: domain, queried: Set(queried), countingTokens: true)
    report.generated = total
    lastReport = report

    let scores = ranker.predict(form.matrices(ofPool: candidates.map(\.index)))
    let order = PredictedRanking(candidates.map(\.index), scores: scores).order
    let byIndex = Dictionary(uniqueKeysWithValues: candidates.map { ($0.index, $0.architecture) })
    var proposals = order.prefix(wanted).compactMap { byIndex[$0].map { Proposal.architecture($0) } }
    if proposals.count < wanted {
      let sample = memory.unqueriedSample(settings.fallbackSample, of: domain, excluding: Set(order.prefix(wanted)), using: &rng)
      let ranked = PredictedRanking(sample, scores: ranker.predict(form.matrices(ofPool: sample))).order
      proposals += ranked.prefix(wanted - proposals.count).map { Proposal.poolIndex($0) }
    }
    let known = queried + candidates.map(\.index)
    predictedBest = PredictedRanking(known, scores: ranker.predict(x) + scores).order.first
    return proposals
  }

  public mutating func tell(_ observations: [Observation]) {
    memory.record(observations)
  }

  public func recommendation() -> Int? { predictedBest }

  public func generationReport() -> GenerationReport? { lastReport }
}

extension DiffusionNAG.Settings {
  /// The predictor-corrector sampler these settings describe.
  public var sampler: PredictorCorrectorSampler {
    PredictorCorrectorSampler(sde: sde, signalToNoise: signalToNoise, correctorSteps: correctorSteps, smallestTime: training.smallestTime)
  }
}
