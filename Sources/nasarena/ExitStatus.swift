import ArgumentParser
import Benchmarks
import Foundation
import Harness
import Results

/// Exit codes scripts can rely on (documented in `nasarena --help` and the README).
enum ExitStatus {
  static let trialsFailed = ExitCode(1)
  static let invalidInput = ExitCode(64)
  static let badData = ExitCode(65)
  static let internalError = ExitCode(70)

  /// Prints `error` as one line on standard error and returns the exit code for its kind.
  static func report(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("nasarena: error: \(error)\n".utf8))
    switch error {
    case is SuiteError, is RunError where !isDataError(error): return invalidInput
    case is BenchmarkError, is ResultStoreError: return badData
    case let error as RunError where isDataError(error): return badData
    default: return internalError
    }
  }

  private static func isDataError(_ error: any Error) -> Bool {
    switch error as? RunError {
    case .dataChanged?, .notARun?, .divergentReplay?: true
    default: false
    }
  }
}

/// Runs `body`, turning thrown errors into one printed line and an exit code.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
  do {
    return try await body()
  } catch let error as ExitCode {
    throw error
  } catch let error as CleanExit {
    throw error
  } catch {
    throw ExitStatus.report(error)
  }
}
