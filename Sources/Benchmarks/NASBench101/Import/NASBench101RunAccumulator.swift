import SearchSpaces

/// The importer's state over the pool: each record's cell checked against the pool, and the
/// runs of each cell summed until the table is written.
///
/// About 40 bytes per pool cell (17 MB for 423,624), whatever the size of the release file.
struct NASBench101RunAccumulator {
  /// A reason to refuse a record: what, the offending value, what was expected.
  struct Problem: Error {
    let problem: String
    let value: String
    let expected: String
  }

  let pool: NASBench101Pool
  let file: String
  private var runs: [UInt8]
  private var validationSums: [Double]
  private var testSums: [Double]
  private var timeSums: [Double]
  private var parameters: [Int32]
  private var lastRecords: [Int32]
  private var lastOffsets: [Int]
  private var labels: [UInt8] = []
  /// `pairIndex[i * 7 + j]`: the bit of edge i -> j in the pool's adjacency masks.
  private static let pairIndex: [Int] = {
    var table = [Int](repeating: -1, count: 49)
    for (k, (i, j)) in NASBench101Space.connectionPairs.enumerated() { table[i * 7 + j] = k }
    return table
  }()
  private static let operationLabels: [(name: [UInt8], label: UInt8)] = NASBench101Space.labels.prefix(5).enumerated().map {
    (Array($0.element.utf8), UInt8($0.offset))
  }

  init(pool: NASBench101Pool, file: String) {
    self.pool = pool
    self.file = file
    runs = [UInt8](repeating: 0, count: pool.count)
    validationSums = [Double](repeating: 0, count: pool.count)
    testSums = validationSums
    timeSums = validationSums
    parameters = [Int32](repeating: 0, count: pool.count)
    lastRecords = parameters
    lastOffsets = [Int](repeating: 0, count: pool.count)
  }

  /// Cells with all their runs.
  var cellCount: Int { runs.reduce(0) { $0 + ($1 == UInt8(NASBench101Importer.runsPerCell) ? 1 : 0) } }

  /// Why the record's cell (`raw_adjacency`, `raw_operations`) is not the pool's cell for its
  /// hash, or `nil` when it is.
  ///
  /// The release stores each cell pruned, as the pool does, but its vertex order may differ
  /// from the pool's representative: a cell that is not literally the pool's must then have
  /// the stated module hash (so it is isomorphic to it).
  /// - Complexity: O(V^2); one module hash (about 60 MD5s) when the vertex order differs.
  mutating func cellProblem(poolIndex: Int, adjacency: [UInt8], operations: [UInt8], hash: String) -> Problem? {
    labels.removeAll(keepingCapacity: true)
    for name in operations.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
      guard let label = Self.operationLabels.first(where: { $0.name.elementsEqual(name) })?.label else {
        return Problem(
          problem: "unknown operation in raw_operations", value: String(decoding: name.prefix(40), as: UTF8.self),
          expected: "input, conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3 or output")
      }
      labels.append(label)
    }
    let n = labels.count
    let poolCount = Int(pool.vertexCounts[poolIndex])
    guard n == poolCount, adjacency.count == n * n else {
      return Problem(
        problem: "cell size disagrees with the pool", value: "\(n) operations, \(adjacency.count) adjacency digits",
        expected: "\(poolCount) operations and \(poolCount * poolCount) digits, as pool row \(poolIndex) for hash \(hash)")
    }
    var mask: UInt32 = 0
    for i in 0..<n {
      for j in 0..<n {
        switch adjacency[i * n + j] {
        case UInt8(ascii: "0"): continue
        case UInt8(ascii: "1") where i < j: mask |= 1 << UInt32(Self.pairIndex[i * 7 + j])
        default:
          return Problem(
            problem: "bad raw_adjacency digit at row \(i), column \(j)", value: String(UnicodeScalar(adjacency[i * n + j])),
            expected: "0 or 1, and 1 only above the diagonal (edges i -> j with i < j)")
        }
      }
    }
    let base = poolIndex * 7
    if mask == pool.adjacency[poolIndex] && labels.elementsEqual(pool.labels[base..<(base + n)]) { return nil }
    var padded = labels
    padded += [UInt8](repeating: NASBench101Space.absentLabel, count: 7 - n)
    let connections = (0..<NASBench101Space.connectionPairs.count).map { UInt8(truncatingIfNeeded: (mask >> UInt32($0)) & 1) }
    let actual = NASBench101Space.moduleHash(of: Architecture(operations: padded, connections: connections))
    if actual == hash.lowercased() { return nil }
    return Problem(
      problem: "raw_adjacency and raw_operations disagree with the pool's cell for the hash", value: actual ?? "not a valid cell",
      expected: "the module hash \(hash) of pool row \(poolIndex) (the same cell up to vertex order)")
  }

  /// Adds one run of pool cell `poolIndex`, or says why it cannot be added.
  mutating func add(_ metrics: NASBench101ModelMetrics, poolIndex: Int, record: Int, offset: Int, hash: String) -> Problem? {
    for (name, value) in [("validation_accuracy", metrics.validationAccuracy), ("test_accuracy", metrics.testAccuracy)]
    where !(value >= 0 && value <= 1) {
      return Problem(problem: "\(name) of evaluation_data[2] out of range", value: "\(value)", expected: "a fraction in 0...1")
    }
    guard metrics.trainingTimeSeconds.isFinite && metrics.trainingTimeSeconds >= 0 else {
      return Problem(problem: "training_time of evaluation_data[2] out of range", value: "\(metrics.trainingTimeSeconds)", expected: "seconds >= 0")
    }
    guard metrics.trainableParameters >= 1 else {
      return Problem(problem: "trainable_parameters out of range", value: "\(metrics.trainableParameters)", expected: "a count of at least 1")
    }
    guard Int(runs[poolIndex]) < NASBench101Importer.runsPerCell else {
      return Problem(
        problem: "wrong number of runs for a module hash", value: "\(hash): \(Int(runs[poolIndex]) + 1)",
        expected: "\(NASBench101Importer.runsPerCell) records (runs) per module hash")
    }
    if runs[poolIndex] > 0 && Int(parameters[poolIndex]) != metrics.trainableParameters {
      return Problem(
        problem: "trainable_parameters differ between runs of one module hash", value: "\(metrics.trainableParameters)",
        expected: "\(parameters[poolIndex]), as in the earlier run of \(hash)")
    }
    runs[poolIndex] += 1
    validationSums[poolIndex] += metrics.validationAccuracy
    testSums[poolIndex] += metrics.testAccuracy
    timeSums[poolIndex] += metrics.trainingTimeSeconds
    parameters[poolIndex] = Int32(truncatingIfNeeded: metrics.trainableParameters)
    lastRecords[poolIndex] = Int32(truncatingIfNeeded: record)
    lastOffsets[poolIndex] = offset
    return nil
  }

  /// The first cell (in pool order) with some but not all of its runs, with its last record.
  func firstIncompleteCell() -> (poolIndex: Int, runs: Int, record: Int, offset: Int)? {
    guard let index = runs.indices.first(where: { runs[$0] > 0 && Int(runs[$0]) < NASBench101Importer.runsPerCell }) else { return nil }
    return (index, Int(runs[index]), Int(lastRecords[index]), lastOffsets[index])
  }

  /// The CSV text of the table (see `data/nasbench101/README.md`): one row per complete cell
  /// in pool order; accuracies as percent (100 x the mean fraction), times in seconds, every
  /// number in Swift's shortest round-trip form.
  ///
  /// - Complexity: O(pool size).
  func table() -> [UInt8] {
    var text: [UInt8] = []
    text.reserveCapacity(cellCount * 100 + 200)
    let header = ["space_index", "hash"] + NASBench101FullTable.columnNames
    text += Array(header.map { "\"\($0)\"" }.joined(separator: ",").utf8)
    text.append(10)
    let count = Double(NASBench101Importer.runsPerCell)
    for index in runs.indices where Int(runs[index]) == NASBench101Importer.runsPerCell {
      let fields = [
        String(index), "\"" + pool.hashes[index].hex + "\"", (validationSums[index] / count * 100).description,
        (testSums[index] / count * 100).description, (timeSums[index] / count).description, String(parameters[index]),
      ]
      text += Array(fields.joined(separator: ",").utf8)
      text.append(10)
    }
    return text
  }
}
