import Randomness
import SearchSpaces

/// SemiGAN-NAD's predictor P on its own, for the predictor-quality tables (reconstruction):
/// each `fit` plays the whole game of `SemiGANModel` from fresh networks for `steps` steps on
/// the labelled architectures and the unlabelled pool, then P scores pool architectures.
public final class SemiGANPredictor: Predictor {
  /// The game's settings.
  public let training: SemiGANTraining
  /// Steps of one fit.
  public let steps: Int
  /// Whether the unlabelled pool takes part.
  public let usesPool: Bool
  private let pool: PoolTokens
  private var model: SemiGANModel?

  /// A predictor over `space`'s pool.
  public init(space: any SearchSpace, training: SemiGANTraining, steps: Int, usesPool: Bool) {
    self.training = training
    self.steps = steps
    self.usesPool = usesPool
    pool = PoolTokens.shared(space)
  }

  public func fit(poolIndices: [Int], targets: [Double], using rng: inout SeededGenerator) throws {
    precondition(poolIndices.count == targets.count, "SemiGANPredictor.fit: \(poolIndices.count) architectures, \(targets.count) targets")
    guard !poolIndices.isEmpty else { return }
    let model = SemiGANModel(tokens: PaddedTokens(pool.layout), training: training, using: &rng)
    model.train(labelled: poolIndices.map(pool.row), targets: targets, pool: usesPool ? pool : nil, steps: steps, using: &rng)
    self.model = model
  }

  /// Predicted signals (0 before the first `fit`).
  public func predict(poolIndices: [Int]) -> [Double] {
    guard let model else { return Array(repeating: 0, count: poolIndices.count) }
    return model.predict(poolIndices: poolIndices, of: pool)
  }
}
