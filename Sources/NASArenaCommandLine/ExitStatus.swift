import ArgumentParser
import Benchmarks
import Foundation
import Harness
import Reports
import Results
import SearchMethods
import Tensor

/// Exit codes scripts can rely on (documented in `nasarena --help` and the README); the
/// values follow BSD `sysexits.h`.
enum ExitStatus {
  /// The run finished but some trials failed.
  static let trialsFailed = ExitCode(1)
  /// Bad suite, arguments, configuration or environment (`EX_USAGE`).
  static let invalidInput = ExitCode(64)
  /// Missing or corrupt data or run folder (`EX_DATAERR`).
  static let badData = ExitCode(65)
  /// A bug: an error no check anticipated (`EX_SOFTWARE`).
  static let internalError = ExitCode(70)
  /// An output file or folder cannot be created or written (`EX_CANTCREAT`).
  static let cannotWrite = ExitCode(73)
  /// The run folder is locked by another writer (`EX_TEMPFAIL`: try again later).
  static let folderLocked = ExitCode(75)

  /// Prints `error` as one line on standard error and returns the exit code for its kind.
  static func report(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("nasarena: error: \(error)\n".utf8))
    return code(for: error)
  }

  /// The exit code for an error.
  static func code(for error: any Error) -> ExitCode {
    switch error {
    case is SuiteError, is ValidationError, is BackendError, is MethodSettingsError, is ReproductionError: invalidInput
    case is PublishedNumbersError: badData
    case let error as BenchmarkError: code(for: error)
    case let error as ResultStoreError: code(for: error)
    case let error as RunError: code(for: error)
    case is ReportError: cannotWrite
    case is RunComparison.Mismatch: badData
    default: internalError
    }
  }

  private static func code(for error: BenchmarkError) -> ExitCode {
    switch error {
    case .dataDirectoryInvalid, .dataDirectoryNotFound, .unknownTask, .unreadableFile: invalidInput
    case .missingFile, .unlistedFile, .malformedChecksumLine, .checksumMismatch, .corruptGzip, .malformedCSV, .missingColumn,
      .inconsistentTable, .malformedRecord, .notImported:
      badData
    case .cannotWrite: cannotWrite
    }
  }

  private static func code(for error: ResultStoreError) -> ExitCode {
    switch error {
    case .cannotOpen, .writeFailed: cannotWrite
    case .locked: folderLocked
    case .missingFile, .malformedLine, .inconsistentLog, .emptyLog, .malformedFile: badData
    }
  }

  private static func code(for error: RunError) -> ExitCode {
    switch error {
    case .folderNotEmpty: cannotWrite
    case .noCostColumn, .invalidShard, .noPredictors, .noDiffusionMethod: invalidInput
    case .notARun, .noSuchFolder, .divergentReplay, .dataChanged, .editedSuite, .foreignTrial, .mergeMismatch: badData
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
