import Models
import SearchSpaces

/// A method as the registry knows it: its name, help, and how to build it from settings.
///
/// The type is erased here, at the registry boundary, so the harness can hold methods of any
/// type; building one never force-casts.
public struct MethodEntry: Sendable {
  /// Kebab-case name used in suites.
  public let name: String
  /// One-line description.
  public let abstract: String
  /// The settings keys with their meaning.
  public let help: [SettingHelp]
  /// The settings with every default, encoded (for `nasarena methods`).
  public let defaults: any MethodSettings
  private let decodeSettings: @Sendable (any Decoder) throws -> any MethodSettings
  private let build: @Sendable (any MethodSettings, SearchContext) throws -> any SearchMethod
  private let buildPredictor: (@Sendable (any MethodSettings, Domain) throws -> any Predictor)?

  /// Registers the method type `M`, whose predictor the quality tables can evaluate.
  public init<M: PredictorProviding>(_ type: M.Type) {
    self.init(type, predictor: { settings, domain in
      guard let typed = settings as? M.Settings else {
        throw MethodSettingsError.invalidValue(key: "settings", value: "\(Swift.type(of: settings))", expected: "settings of \(M.name)", path: [])
      }
      return try M.makePredictor(settings: typed, domain: domain)
    })
  }

  /// Registers the method type `M`.
  public init<M: SearchMethod>(_ type: M.Type) {
    self.init(type, predictor: nil)
  }

  private init<M: SearchMethod>(_: M.Type, predictor: (@Sendable (any MethodSettings, Domain) throws -> any Predictor)?) {
    buildPredictor = predictor
    name = M.name
    abstract = M.abstract
    help = M.Settings.help
    defaults = M.Settings()
    decodeSettings = { decoder in
      let settings = try M.Settings(from: decoder)
      do {
        try settings.validate()
      } catch let error as MethodSettingsError {
        throw error.prefixed(by: decoder.codingPath.map(\.pathComponent))
      }
      return settings
    }
    build = { settings, context in
      guard let typed = settings as? M.Settings else {
        throw MethodSettingsError.invalidValue(
          key: "settings", value: "\(type(of: settings))", expected: "settings of \(M.name)", path: [])
      }
      return try M(settings: typed, context: context)
    }
  }

  /// Decodes and validates this method's settings from a `settings:` block.
  public func settings(from decoder: any Decoder) throws -> any MethodSettings {
    try decodeSettings(decoder)
  }

  /// Whether the method has a predictor for the quality tables.
  public var hasPredictor: Bool { buildPredictor != nil }

  /// The method's untrained predictor for `domain`, or `nil` when it has none.
  public func makePredictor(settings: any MethodSettings, domain: Domain) throws -> (any Predictor)? {
    try buildPredictor?(settings, domain)
  }

  /// Builds the method for one trial.
  public func makeMethod(settings: any MethodSettings, context: SearchContext) throws -> any SearchMethod {
    try build(settings, context)
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
    ]
  }
}
