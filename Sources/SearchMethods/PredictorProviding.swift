import Benchmarks
import Models

/// A method whose learned predictor can be evaluated on its own (the predictor-quality
/// tables of `nasarena predictors`).
///
/// The predictor must be the one the method searches with, built from the same settings.
public protocol PredictorProviding: SearchMethod {
  /// The method's predictor, untrained, for `domain`.
  static func makePredictor(settings: Settings, domain: Domain) throws -> any Predictor
}

/// A pretrainable method whose predictor needs the pretrained value (e.g. a regressor on
/// embeddings learned without labels); the quality tables build it through the same cache.
public protocol PretrainedPredictorProviding: Pretrainable {
  /// The method's predictor, untrained, for `domain`, built on `pretrained`.
  static func makePredictor(settings: Settings, domain: Domain, pretrained: Pretrained) throws -> any Predictor
}
