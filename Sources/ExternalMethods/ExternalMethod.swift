import Foundation
import Randomness
import SearchMethods
import SearchSpaces

/// A search method that runs in another program, spoken to over the JSON-lines plugin protocol
/// (docs/PLUGINS.md): `method: external` in a suite.
///
/// One process per trial, started at the first `ask` (so its start-up counts as method time).
/// The harness treats its proposals exactly as a built-in method's: budget, duplicates,
/// refusals and the stall rule are the oracle's. Anything the plugin does outside the protocol
/// (exiting, hanging past `stepTimeout` or `trialTimeout`, a line that is not a message it may
/// send, a proposal outside the pool or the token layout, an `error` message) throws a
/// `PluginProtocolError`, which fails the trial and stops the process.
public struct ExternalMethod: SearchMethod, Recommending {
  public typealias Settings = ExternalMethodSettings

  public static let name = "external"
  public static let abstract =
    "A method in another program (any language) over the JSON-lines plugin protocol; see docs/PLUGINS.md."

  private let session: PluginSession

  /// Refuses: a plugin needs its `command`, which only `entry(_:)` supplies.
  public init(settings: Settings, context: SearchContext) throws {
    throw ExternalMethodError.noCommand
  }

  /// The method for one trial of the plugin `launch`.
  public init(launch: PluginLaunch, settings: Settings, context: SearchContext) {
    session = PluginSession(launch: launch, settings: settings, context: context)
  }

  /// The registry entry of the plugin `launch` (one per `method: external` of a suite).
  public static func entry(_ launch: PluginLaunch) -> MethodEntry {
    MethodEntry(ExternalMethod.self) { settings, context in ExternalMethod(launch: launch, settings: settings, context: context) }
  }

  /// The entry for help and settings documentation, without a command to run.
  public static var documentationEntry: MethodEntry { MethodEntry(ExternalMethod.self) }

  public static func check(_ settings: Settings, against space: any SearchSpace) throws {
    guard let kind = settings.encoding.kind, !space.encodings.contains(kind) else { return }
    throw MethodSettingsError.invalidValue(
      key: "encoding", value: kind.rawValue,
      expected: "none or an encoding that \(space.name) provides (\(space.encodings.map(\.rawValue).joined(separator: ", ")))",
      path: ["encoding"])
  }

  public mutating func ask(count: Int, using rng: inout SeededGenerator) throws -> [Proposal] {
    try session.ask(count: count)
  }

  public mutating func tell(_ observations: [Observation]) throws {
    try session.tell(observations)
  }

  public func recommendation() -> Int? { session.recommendation }
}

/// A plugin method built without its command.
public enum ExternalMethodError: Error, CustomStringConvertible {
  /// `ExternalMethod.init(settings:context:)` was called.
  case noCommand

  public var description: String {
    "method 'external' needs a 'command:' (the plugin's program and arguments); see docs/PLUGINS.md"
  }
}

/// One trial's conversation with a plugin process.
final class PluginSession {
  private let launch: PluginLaunch
  private let settings: ExternalMethodSettings
  private let context: SearchContext
  private var process: PluginProcess?
  private var trialDeadline = ContinuousClock.now
  private var step = 0
  private var finished = false
  private(set) var recommendation: Int?

  init(launch: PluginLaunch, settings: ExternalMethodSettings, context: SearchContext) {
    self.launch = launch
    self.settings = settings
    self.context = context
  }

  deinit {
    guard let process, !finished else { return }
    try? process.send(#"{"type":"bye"}"#)
    process.stop(grace: 5)
  }

  func ask(count: Int) throws -> [Proposal] {
    let process = try started()
    let stage = "step \(step) (ask)"
    let reply = try exchange(try Self.line(AskMessage(step: step, count: count)), stage: stage, expecting: "proposals", process)
    guard case .array(let items)? = reply.message["proposals"] else {
      throw failure(stage, "'proposals' must be a list, in \(Self.quoted(reply.line))", process)
    }
    var proposals: [Proposal] = []
    proposals.reserveCapacity(items.count)
    for (offset, item) in items.enumerated() {
      do {
        proposals.append(try proposal(item))
      } catch let problem as LineProblem {
        throw failure(stage, "proposal \(offset): \(problem.text), in \(Self.quoted(reply.line))", process)
      }
    }
    try readRecommendation(reply, stage: stage, process)
    return proposals
  }

  func tell(_ observations: [Observation]) throws {
    guard let process else { return }
    let message = TellMessage(step: step, observations: observations.map(TellMessage.Item.init))
    let reply = try exchange(try Self.line(message), stage: "step \(step) (tell)", expecting: "ready", process)
    try readRecommendation(reply, stage: "step \(step) (tell)", process)
    step += 1
  }

  // MARK: - The exchange

  private func started() throws -> PluginProcess {
    if let process { return process }
    let stderrPath = try Self.stderrPath(for: context.trial)
    let process: PluginProcess
    do {
      process = try PluginProcess(command: launch.command, stderrPath: stderrPath)
    } catch PluginProcess.Failure.cannotStart(let reason) {
      finished = true
      throw PluginProtocolError(stage: "start", problem: reason, stderrTail: [], stderrPath: stderrPath)
    }
    self.process = process
    trialDeadline = ContinuousClock.now + .milliseconds(Int(settings.trialTimeout * 1000))
    var design = context.initialDesign
    var initial: [Int] = []
    while initial.count < PluginProtocol.initialDesignLength, let next = design.next() { initial.append(next) }
    let hello = HelloMessage(
      method: context.trial?.method ?? ExternalMethod.name, trial: context.trial?.index ?? 0, seed: context.trial?.seed ?? 0,
      options: launch.options, space: SpaceDescription(domain: context.domain, encoding: settings.encoding.kind),
      initialDesign: initial)
    _ = try exchange(try Self.line(hello), stage: "hello", expecting: "ready", process)
    return process
  }

  /// Sends `line` and reads the answer, which must be a JSON object of type `expecting`.
  private func exchange(_ line: String, stage: String, expecting: String, _ process: PluginProcess) throws -> (message: JSONValue, line: String) {
    do {
      try process.send(line)
    } catch {
      process.settle()
      throw failure(stage, "the plugin stopped reading its stdin (\(process.ending ?? "it may have exited"))", process)
    }
    let now = ContinuousClock.now
    let stepDeadline = now + .milliseconds(Int(settings.stepTimeout * 1000))
    let deadline = min(stepDeadline, trialDeadline)
    let bytes: [UInt8]
    do {
      bytes = try process.receive(until: deadline)
    } catch let failure as PluginProcess.Failure {
      switch failure {
      case .timedOut:
        let limit =
          deadline == trialDeadline
          ? "the trial passed its trialTimeout of \(Self.seconds(settings.trialTimeout))"
          : "no answer within the stepTimeout of \(Self.seconds(settings.stepTimeout))"
        throw self.failure(stage, "\(limit); the plugin was stopped", process)
      case .closed(let partial):
        process.settle()
        let ending = process.ending.map { " (\($0))" } ?? ""
        let tail = partial.isEmpty ? "" : "; its unfinished last line: \(Self.quoted(partial))"
        throw self.failure(stage, "the plugin closed its stdout before answering '\(expecting)'\(ending)\(tail)", process)
      case .lineTooLong(let count):
        throw self.failure(stage, "a line of more than \(count) bytes; at most \(PluginProcess.maximumLineBytes) are read", process)
      case .cannotStart(let reason):
        throw self.failure(stage, reason, process)
      case .notReading:
        throw self.failure(stage, "the plugin stopped reading its stdin", process)
      }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let message = try? JSONValue.parse(bytes) else {
      throw failure(stage, "a line that is not JSON: \(Self.quoted(text))", process)
    }
    guard case .object = message, let type = message["type"]?.stringValue else {
      throw failure(stage, "a line without a string 'type': \(Self.quoted(text))", process)
    }
    if type == "error" {
      let said = message["message"]?.stringValue ?? message["message"].map { (try? $0.jsonText()) ?? "" } ?? "(no message)"
      throw failure(stage, "the plugin reported an error: \(said)", process)
    }
    guard type == expecting else {
      throw failure(stage, "expected a '\(expecting)' message, got '\(type.prefix(40))': \(Self.quoted(text))", process)
    }
    return (message, text)
  }

  private func proposal(_ item: JSONValue) throws -> Proposal {
    guard case .object(let fields) = item else { throw LineProblem("\(item.kindName), not an object") }
    if let unknown = fields.keys.sorted().first(where: { !["index", "tokens", "initial"].contains($0) }) {
      throw LineProblem("unknown key '\(unknown.prefix(40))'; expected 'index' or 'tokens', and optionally 'initial'")
    }
    var initial = false
    if let flag = fields["initial"] {
      guard case .bool(let value) = flag else { throw LineProblem("'initial' must be true or false, not \(flag.kindName)") }
      initial = value
    }
    let space = context.space
    switch (fields["index"], fields["tokens"]) {
    case (let index?, nil):
      guard let value = index.integerValue else { throw LineProblem("'index' must be an integer, not \(index.kindName)") }
      guard value >= 0 && value < space.poolSize else {
        throw LineProblem("pool index \(value) is outside the pool of \(space.poolSize) architectures (0...\(space.poolSize - 1))")
      }
      return .poolIndex(value, initial: initial)
    case (nil, let tokens?):
      let layout = space.tokenLayout
      guard case .array(let values) = tokens else { throw LineProblem("'tokens' must be a list, not \(tokens.kindName)") }
      let row = values.compactMap(\.integerValue)
      guard row.count == values.count, let architecture = layout.architecture(from: row) else {
        throw LineProblem(
          "'tokens' must be \(layout.count) integers, each within its position's vocabulary (sizes \(layout.positions.map(\.vocabularySize)))")
      }
      return .architecture(architecture, initial: initial)
    default:
      throw LineProblem("a proposal needs exactly one of 'index' and 'tokens'")
    }
  }

  private func readRecommendation(_ reply: (message: JSONValue, line: String), stage: String, _ process: PluginProcess) throws {
    guard let value = reply.message["recommendation"], value != .null else { return }
    guard let index = value.integerValue, index >= 0, index < context.space.poolSize else {
      throw failure(stage, "'recommendation' must be a pool index in 0...\(context.space.poolSize - 1), in \(Self.quoted(reply.line))", process)
    }
    recommendation = index
  }

  /// Stops the process and describes the failure with the end of its stderr.
  private func failure(_ stage: String, _ problem: String, _ process: PluginProcess) -> PluginProtocolError {
    finished = true
    process.stop(grace: 0)
    return PluginProtocolError(stage: stage, problem: problem, stderrTail: process.stderrTail(settings.stderrTail), stderrPath: process.stderrPath)
  }

  // MARK: - Helpers

  private struct LineProblem: Error {
    let text: String
    init(_ text: String) { self.text = text }
  }

  private static func line(_ message: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return String(decoding: try encoder.encode(message), as: UTF8.self)
  }

  private static func quoted(_ text: String) -> String {
    let limit = 200
    let shown = text.count > limit ? String(text.prefix(limit)) + "... (\(text.utf8.count) bytes)" : text
    return "'\(shown)'"
  }

  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }

  /// `<run folder>/plugins/<label>/<task>-trial-<n>.stderr`, or a file in the temporary
  /// folder when the trial writes no run folder.
  private static func stderrPath(for trial: TrialIdentity?) throws -> String {
    func safe(_ name: String) -> String {
      String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    }
    guard let trial, let folder = trial.folder else {
      return NSTemporaryDirectory() + "nasarena-plugin-\(getpid())-\(UUID().uuidString).stderr"
    }
    let directory = "\(folder)/plugins/\(safe(trial.method))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return "\(directory)/\(safe(trial.task))-trial-\(trial.index).stderr"
  }
}
