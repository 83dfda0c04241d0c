/// The folder holding the benchmark tables and their checksums (`data/` of the repository).
///
/// Every file is verified against `SHA256SUMS` (the `sha256sum` format) or, for a table an
/// import command built, against the list it wrote beside it (`importedChecksumFiles`), the
/// first time this process reads it; a missing or altered file is an error naming the file.
public struct DataDirectory: Sendable, Hashable, CustomStringConvertible {
  /// The environment variable that overrides the search for `data/`.
  public static let environmentVariable = "NASARENA_DATA"
  /// The checksum list inside the folder.
  public static let checksumFileName = "SHA256SUMS"

  /// Path of the folder (as given, or as found), without a trailing slash.
  public let path: String

  /// Uses the folder at `path`.
  ///
  /// - Throws: `BenchmarkError.dataDirectoryInvalid` when it holds no `SHA256SUMS`.
  public init(path: String) throws {
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard SystemFiles.fileExists(trimmed + "/" + Self.checksumFileName) else {
      throw BenchmarkError.dataDirectoryInvalid(path: path)
    }
    self.path = trimmed
  }

  /// The data folder of this environment: `$NASARENA_DATA` when set, else the first
  /// `data/SHA256SUMS` found in the current directory or one of its ancestors.
  ///
  /// - Throws: `dataDirectoryInvalid` when `NASARENA_DATA` names a folder without
  ///   `SHA256SUMS`; `dataDirectoryNotFound` when the search fails.
  /// - Complexity: O(depth of the current directory).
  public static func locate() throws -> DataDirectory {
    if let configured = SystemFiles.environment(environmentVariable) {
      return try DataDirectory(path: configured)
    }
    let start = SystemFiles.currentDirectory()
    var directory = start
    while true {
      let candidate = directory == "/" ? "/data" : directory + "/data"
      if SystemFiles.fileExists(candidate + "/" + checksumFileName) { return try DataDirectory(path: candidate) }
      guard directory != "/", let slash = directory.lastIndex(of: "/") else { break }
      directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
    }
    throw BenchmarkError.dataDirectoryNotFound(searchedFrom: start)
  }

  public var description: String { path }

  /// The expected SHA-256 of every listed file, by path relative to this folder: the lines
  /// of `SHA256SUMS` (shipped, committed) and of each imported list in
  /// `importedChecksumFiles` that exists (written by an import command).
  ///
  /// - Throws: `malformedChecksumLine` for a line that is not `<hex>  <path>`;
  ///   `inconsistentTable` when an imported list names a shipped file.
  /// - Complexity: O(size of the lists); cached per process (an import calls
  ///   `forgetCachedChecksums()`).
  public func expectedChecksums() throws -> [String: String] {
    try DataCache.shared.value(for: "checksums|" + path) { () throws -> [String: String] in
      let listPath = path + "/" + Self.checksumFileName
      guard let bytes = SystemFiles.contents(ofFile: listPath) else {
        throw BenchmarkError.missingFile(file: Self.checksumFileName, path: listPath)
      }
      var result = try Self.parseChecksumList(bytes, listPath: listPath, prefix: "")
      for list in Self.importedChecksumFiles {
        guard let imported = SystemFiles.contents(ofFile: path + "/" + list) else { continue }
        let folder = list.contains("/") ? String(list[...(list.lastIndex(of: "/") ?? list.startIndex)]) : ""
        for (file, checksum) in try Self.parseChecksumList(imported, listPath: path + "/" + list, prefix: folder) {
          guard result[file] == nil else {
            throw BenchmarkError.inconsistentTable(file: list, detail: "lists a file that SHA256SUMS already lists", value: file)
          }
          result[file] = checksum
        }
      }
      return result
    }
  }

  /// The checksum lists an import command writes beside the tables it builds, relative to
  /// this folder. Each is in the `sha256sum` format with paths relative to its own folder (so
  /// `cd nasbench101 && sha256sum -c IMPORTED.SHA256SUMS` checks it); absent lists are
  /// skipped. `SHA256SUMS` itself stays as committed.
  public static let importedChecksumFiles = ["nasbench101/IMPORTED.SHA256SUMS"]

  /// Drops this process's cached checksum lists (and file verifications) of this folder, so
  /// the next read sees a list an import just wrote.
  func forgetCachedChecksums() {
    DataCache.shared.removeValue(for: "checksums|" + path)
  }

  private static func parseChecksumList(_ bytes: [UInt8], listPath: String, prefix: String) throws -> [String: String] {
    var result: [String: String] = [:]
    for (offset, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty { continue }
      let hex = line.prefix(64)
      let rest = line.dropFirst(64)
      guard hex.count == 64, hex.allSatisfy(\.isHexDigit), rest.hasPrefix("  ") || rest.hasPrefix(" *") else {
        throw BenchmarkError.malformedChecksumLine(checksumFile: listPath, line: offset + 1, text: String(line))
      }
      result[prefix + String(rest.dropFirst(2))] = hex.lowercased()
    }
    return result
  }

  /// The SHA-256 of `file` after checking it against `SHA256SUMS` (for run manifests).
  ///
  /// - Parameter file: a path relative to this folder, e.g. `nasbench201/nb201_accuracy.csv.gz`.
  /// - Throws: as `verifiedContents(of:)`.
  /// - Complexity: O(file size) the first time, O(1) after.
  public func verifiedChecksum(of file: String) throws -> String {
    if let known = DataCache.shared.verifiedChecksum(path + "/" + file) { return known }
    _ = try verifiedContents(of: file)
    return try expectedChecksums()[file] ?? ""
  }

  /// The bytes of `file`, verified against `SHA256SUMS`.
  ///
  /// - Throws: `unlistedFile`, `missingFile` or `checksumMismatch` (with both digests).
  /// - Complexity: O(file size).
  func verifiedContents(of file: String) throws -> [UInt8] {
    guard let expected = try expectedChecksums()[file] else {
      throw BenchmarkError.unlistedFile(file: file, checksumFile: path + "/" + Self.checksumFileName)
    }
    let fullPath = path + "/" + file
    guard let bytes = SystemFiles.contents(ofFile: fullPath) else {
      throw BenchmarkError.missingFile(file: file, path: fullPath)
    }
    let actual = SHA256.hexDigest(of: bytes)
    guard actual == expected else {
      throw BenchmarkError.checksumMismatch(file: file, expected: expected, actual: actual)
    }
    DataCache.shared.recordVerified(fullPath, checksum: actual)
    return bytes
  }

  /// The verified, inflated and split CSV table `file` (not cached; the family loaders cache
  /// what they extract).
  ///
  /// - Throws: any verification, gzip or CSV error, naming the file.
  /// - Complexity: O(uncompressed size).
  func table(_ file: String) throws -> CSVTable {
    let compressed = try verifiedContents(of: file)
    return try CSVTable(file: file, bytes: GzipInflater.inflate(compressed, file: file))
  }
}
