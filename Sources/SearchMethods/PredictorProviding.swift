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

extension PredictorProviding {
  /// The predictor for type-erased settings (the registry's view).
  ///
  /// - Throws: when `settings` are not this method's, or `makePredictor` throws.
  static func makePredictor(erased settings: any MethodSettings, domain: Domain) throws -> any Predictor {
    try makePredictor(settings: try typedSettings(settings), domain: domain)
  }
}

extension SearchMethod {
  /// `settings` as this method's own type.
  ///
  /// - Throws: `MethodSettingsError.invalidValue` when they belong to another method.
  static func typedSettings(_ settings: any MethodSettings) throws -> Settings {
    guard let typed = settings as? Settings else {
      throw MethodSettingsError.invalidValue(key: "settings", value: "settings of another method", expected: "settings of \(name)", path: [])
    }
    return typed
  }
}

/// A pretrainable method whose predictor needs the pretrained value (e.g. a regressor on
/// embeddings learned without labels); the quality tables build it through the same cache.
public protocol PretrainedPredictorProviding: Pretrainable {
  /// The method's predictor, untrained, for `domain`, built on `pretrained`.
  static func makePredictor(settings: Settings, domain: Domain, pretrained: Pretrained) throws -> any Predictor
}
