/// The files of a new method, as `nasarena new-method NAME` writes them: a working method (a
/// greedy mutation search to replace with your own), its settings declaration and its test
/// file, plus the one registration line.
///
/// The method is complete on purpose: it builds, passes the registry-wide contract checks and
/// settings laws, and runs in a suite, so a new method starts from green tests.
public struct MethodTemplate: Sendable {
  /// The kebab-case method name, e.g. `my-method`.
  public let name: String
  /// The Swift type name, e.g. `MyMethod`.
  public let typeName: String

  /// A template for `name`.
  ///
  /// - Throws: `MethodTemplateError` unless `name` is kebab-case (lowercase letters and
  ///   digits, words joined by single '-', starting with a letter, at most 40 characters).
  public init(name: String) throws {
    let words = name.split(separator: "-", omittingEmptySubsequences: false)
    let valid =
      name.count <= 40 && !words.isEmpty
      && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
      && name.first?.isLetter == true
    guard valid else { throw MethodTemplateError.invalidName(name) }
    self.name = name
    typeName = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// The files to write, by path relative to the repository.
  public var files: [(path: String, contents: String)] {
    [
      ("Sources/SearchMethods/\(typeName)/\(typeName).swift", methodFile),
      ("Sources/SearchMethods/\(typeName)/\(typeName)+Settings.swift", settingsFile),
      ("Tests/SearchMethodsTests/\(typeName)Tests.swift", testFile),
    ]
  }

  /// The line that registers the method in `MethodRegistry.builtIn`.
  public var registration: String { "MethodEntry(\(typeName).self)," }

  /// `registry` (the text of `MethodRegistry.swift`) with the registration added after the
  /// last `MethodEntry(...)` line, or `nil` when no such line is found or it is there already.
  public func registering(in registry: String) -> String? {
    guard !registry.contains(registration) else { return nil }
    var lines = registry.components(separatedBy: "\n")
    guard let last = lines.lastIndex(where: { $0.trimmingCharacters(in: " ").hasPrefix("MethodEntry(") && $0.hasSuffix(".self),") }) else {
      return nil
    }
    let indentation = String(lines[last].prefix { $0 == " " })
    lines.insert(indentation + registration, at: last + 1)
    return lines.joined(separator: "\n")
  }

  private var methodFile: String {
    """
    import Randomness
    import SearchSpaces

    /// \(typeName): greedy mutation search. Each step proposes mutations of the best architecture
    /// found so far that are new and inside the domain; when a parent has none left, a fresh
    /// architecture of the shared initial design.
    ///
    /// Written by `nasarena new-method`: replace the strategy, this description and the
    /// `abstract` with the method's own, and cite its source (authors, year, title, link).
    public struct \(typeName): SearchMethod {
      public static let name = "\(name)"
      public static let abstract = "Greedy mutation of the best architecture so far (template of nasarena new-method)."

      private let settings: Settings
      private let domain: Domain
      private var design: InitialDesign
      private var memory = ObservationMemory()
      private var started = false

      public init(settings: Settings, context: SearchContext) {
        self.settings = settings
        self.domain = context.domain
        self.design = context.initialDesign
      }

      public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
        if !started {
          started = true
          return design.proposals(min(count, settings.initialSize))
        }
        var picked = Set<Int>()
        let known = memory
        let domain = domain
        func isNew(_ index: Int) -> Bool { domain.contains(index) && !known.contains(index) && !picked.contains(index) }
        while picked.count < min(count, settings.batchSize) {
          var next: Int?
          if let best = memory.best {
            let parent = domain.space.architecture(at: best.poolIndex)
            for _ in 0..<settings.mutationAttempts {
              if let index = domain.space.index(of: domain.space.mutate(parent, using: &rng)), isNew(index) {
                next = index
                break
              }
            }
          }
          guard let chosen = next ?? design.next(where: isNew) else { break }
          picked.insert(chosen)
        }
        return picked.sorted().map { Proposal.poolIndex($0) }
      }

      public mutating func tell(_ observations: [Observation]) {
        memory.record(observations)
      }
    }

    """
  }

  private var settingsFile: String {
    """
    extension \(typeName) {
      /// \(typeName)'s settings.
      public struct Settings: MethodSettings {
        /// Random architectures of the shared initial design before mutating.
        public var initialSize = 10
        /// Architectures proposed per step.
        public var batchSize = 5
        /// Mutations tried per proposal before a fresh architecture is taken.
        public var mutationAttempts = 20

        /// The defaults.
        public init() {}

        public static var schema: [Setting<Self>] {
          [
            Setting(\\.initialSize, "initialSize", "random architectures of the shared initial design before mutating", in: 1...1_000_000),
            Setting(\\.batchSize, "batchSize", "architectures proposed per step", in: 1...1_000_000),
            Setting(\\.mutationAttempts, "mutationAttempts", "mutations tried per proposal before a fresh architecture", in: 1...1_000_000, probe: 1),
          ]
        }
      }
    }

    """
  }

  private var testFile: String {
    """
    import SearchMethods
    import Testing
    import TestSupport

    /// What is particular to \(name); the contract checks and settings laws already cover it.
    @Suite struct \(typeName)Tests {
      // swift-format-ignore: NeverUseForceTry
      // The tiny task is built in memory; it cannot fail to load.
      static let task = try! TinyTaskSource().task(named: "tiny")

      @Test func beatsTheInitialDesignAlone() throws {
        let entry = MethodEntry(\(typeName).self)
        var settings = \(typeName).Settings()
        settings.initialSize = 10
        let trace = try MethodDriver(task: Self.task, entry: entry, settings: settings).run(seed: 1, budget: 40)
        let initialBest = trace.queried.prefix(10).map { Self.task.signal[$0] }.max() ?? 0
        let finalBest = trace.queried.map { Self.task.signal[$0] }.max() ?? 0
        #expect(trace.queried.count == 40)
        #expect(finalBest > initialBest)
      }
    }

    """
  }
}

/// A name `nasarena new-method` cannot use.
public enum MethodTemplateError: Error, Equatable, CustomStringConvertible {
  /// Not a kebab-case name.
  case invalidName(String)
  /// A file of the method exists already.
  case exists(path: String)

  public var description: String {
    switch self {
    case .invalidName(let name):
      "invalid method name '\(name.prefix(60))'; expected kebab-case: lowercase letters and digits in words joined by '-', starting with a letter, at most 40 characters"
    case .exists(let path):
      "\(path) exists already; choose another name or remove it"
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var result = Substring(self)
    while let first = result.first, set.contains(first) { result = result.dropFirst() }
    while let last = result.last, set.contains(last) { result = result.dropLast() }
    return String(result)
  }
}
