import Models
import SearchSpaces

/// A method as the registry knows it: its name, help, settings, and how to build it.
///
/// The type is erased here, at the registry boundary, so the harness can hold methods of any
/// type; building one never force-casts. One initializer serves every method: the abilities a
/// method adopts besides `SearchMethod` (`PredictorProviding`, `Pretrainable`) are found by dynamic casts
/// of its metatype, so a new ability adds one cast here, not an initializer per combination.
public struct MethodEntry: Sendable {
  /// Kebab-case name used in suites.
  public let name: String
  /// One-line description.
  public let abstract: String
  /// Why the method is a reconstruction and where its choices are documented, or `nil`.
  public let reconstruction: String?
  /// The settings keys with their default, meaning and accepted values.
  public let help: [SettingHelp]
  /// The settings with every default.
  public let defaults: any MethodSettings
  /// The defaults with every declared quick value (small models, few epochs) for tests.
  public let quickSettings: any MethodSettings
  /// One variation per setting, for law tests that each setting matters.
  public let settingVariations: [SettingVariation]
  /// Its label-free pretraining, when the method is `Pretrainable`.
  public let pretraining: PretrainingAbility?
  private let decodeSettings: @Sendable (any Decoder) throws -> any MethodSettings
  private let checkSpace: @Sendable (any MethodSettings, any SearchSpace) throws -> Void
  private let build: @Sendable (any MethodSettings, SearchContext) throws -> any SearchMethod
  private let buildPredictor: (@Sendable (any MethodSettings, Domain) throws -> any Predictor)?

  /// Registers the method type `M` with every ability it adopts.
  public init<M: SearchMethod>(_: M.Type) {
    self.init(M.self) { settings, context in try M(settings: settings, context: context) }
  }

  /// Registers the method type `M`, built for each trial by `make` instead of `M.init`: for a
  /// method that needs more than its settings, such as a plugin's command.
  public init<M: SearchMethod>(_: M.Type, building make: @escaping @Sendable (M.Settings, SearchContext) throws -> M) {
    pretraining = (M.self as? any Pretrainable.Type).map { PretrainingAbility($0) }
    name = M.name
    abstract = M.abstract
    reconstruction = M.reconstruction
    help = M.Settings.help
    defaults = M.Settings()
    quickSettings = M.Settings.quick
    settingVariations = M.Settings.schema.indices.map { index in
      let setting = M.Settings.schema[index]
      return SettingVariation(key: setting.key, sameTrajectory: setting.sameTrajectory) { settings in
        var typed = try M.typedSettings(settings)
        M.Settings.schema[index].makeProbe(&typed)
        try typed.checked()
        return typed
      }
    }
    decodeSettings = { decoder in try M.Settings.decoded(from: decoder) }
    checkSpace = { settings, space in try M.check(try M.typedSettings(settings), against: space) }
    build = { settings, context in try make(try M.typedSettings(settings), context) }
    if let predicting = M.self as? any PredictorProviding.Type {
      buildPredictor = { settings, domain in try predicting.makePredictor(erased: settings, domain: domain) }
    } else {
      buildPredictor = nil
    }
  }

  /// Decodes and validates this method's settings from a `settings:` block.
  ///
  /// - Throws: `MethodSettingsError` with the full key path.
  public func settings(from decoder: any Decoder) throws -> any MethodSettings {
    try decodeSettings(decoder)
  }

  /// Throws when `settings` do not fit `space` (see `SearchMethod.check(_:against:)`).
  ///
  /// - Throws: `MethodSettingsError` with the key path inside the settings block.
  public func check(_ settings: any MethodSettings, against space: any SearchSpace) throws {
    try checkSpace(settings, space)
  }

  /// Whether the method has a predictor for the quality tables.
  public var hasPredictor: Bool { buildPredictor != nil || pretraining?.hasPredictor == true }

  /// The method's untrained predictor for `domain`, or `nil` when it has none.
  public func makePredictor(settings: any MethodSettings, domain: Domain) throws -> (any Predictor)? {
    try buildPredictor?(settings, domain)
  }

  /// The method's untrained predictor for `domain`, built on its pretrained value when the
  /// predictor needs one; `nil` when it has none.
  public func makePredictor(settings: any MethodSettings, domain: Domain, pretrained: (any Sendable)?) throws -> (any Predictor)? {
    if let pretraining, pretraining.hasPredictor {
      guard let pretrained else { throw PretrainingError.notPretrained(method: name) }
      return try pretraining.makePredictor(settings: settings, domain: domain, pretrained: pretrained)
    }
    return try buildPredictor?(settings, domain)
  }

  /// Builds the method for one trial.
  public func makeMethod(settings: any MethodSettings, context: SearchContext) throws -> any SearchMethod {
    try build(settings, context)
  }

  /// Builds the method for one trial, from its pretrained value when it is `Pretrainable`.
  public func makeMethod(settings: any MethodSettings, context: SearchContext, pretrained: (any Sendable)?) throws -> any SearchMethod {
    if let pretraining {
      guard let pretrained else { throw PretrainingError.notPretrained(method: name) }
      return try pretraining.makeMethod(settings: settings, context: context, pretrained: pretrained)
    }
    return try build(settings, context)
  }
}

/// One setting varied to a different legal value (its declared probe), for law tests.
public struct SettingVariation: Sendable {
  /// The YAML key.
  public let key: String
  /// Why varying it does not change the queried architectures, or `nil` when it does.
  public let sameTrajectory: String?
  private let vary: @Sendable (any MethodSettings) throws -> any MethodSettings

  init(key: String, sameTrajectory: String?, vary: @escaping @Sendable (any MethodSettings) throws -> any MethodSettings) {
    self.key = key
    self.sameTrajectory = sameTrajectory
    self.vary = vary
  }

  /// `settings` with this setting changed to its probe value, checked.
  ///
  /// - Throws: when the varied settings are not valid (a declaration with a bad probe).
  public func varied(_ settings: any MethodSettings) throws -> any MethodSettings {
    try vary(settings)
  }
}

/// The built-in methods, in the order `nasarena methods` lists them.
///
/// Adding a method: one folder under `Sources/SearchMethods/`, one line here, one test file.
public enum MethodRegistry {
  /// Every method that ships with NASArena.
  public static var builtIn: [MethodEntry] {
    [
      MethodEntry(RandomSearch.self),
      MethodEntry(RegularizedEvolution.self),
      MethodEntry(LocalSearch.self),
      MethodEntry(WeakNAS.self),
      MethodEntry(BANANAS.self),
      MethodEntry(BRPNAS.self),
      MethodEntry(Arch2VecBO.self),
      MethodEntry(Arch2VecRL.self),
      MethodEntry(SemiAssessor.self),
      MethodEntry(SelfTraining.self),
      MethodEntry(SemiGANNAD.self),
      MethodEntry(DiffusionNAG.self),
    ]
  }
}
