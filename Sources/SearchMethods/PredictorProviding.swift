import Models
import SearchSpaces

/// A method whose learned predictor can be evaluated on its own (the predictor-quality
/// tables of `nasarena predictors`).
///
/// The predictor must be the one the method searches with, built from the same settings.
public protocol PredictorProviding: SearchMethod {
  /// The method's predictor, untrained, for `domain`.
  static func makePredictor(settings: Settings, domain: Domain) throws -> any Predictor
}
