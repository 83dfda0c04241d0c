import Foundation
import SearchSpaces
import Tensor
import TestSupport
import Testing
import Workloads

/// The side-by-side benchmark's NASArena side: the JSON line run.sh parses and the pair count.
@Suite struct SideBySideTests {
  @Test func measurementIsOneJSONLineThatDecodes() throws {
    let measurement = SideBySideMeasurement(
      workload: "brpnas-epoch-20", backend: "portable", seconds: 0.25, work: ["epochs": 40, "pairsPerEpoch": 252], gigaflop: 1.5)
    let line = measurement.jsonLine
    #expect(!line.contains("\n"))
    #expect(line.hasPrefix("{\"backend\":\"portable\""))
    let decoded = try JSONDecoder().decode(SideBySideMeasurement.self, from: Data(line.utf8))
    #expect(decoded == measurement)
  }

  @Test func pairsPerEpochCountsOrderedPairsWithinSteps() {
    #expect(BRPNASEpochTiming.pairsPerEpoch(count: 20, graphsPerStep: 16) == 16 * 15 + 4 * 3)
    #expect(BRPNASEpochTiming.pairsPerEpoch(count: 100, graphsPerStep: 16) == 6 * 240 + 12)
    #expect(BRPNASEpochTiming.pairsPerEpoch(count: 1, graphsPerStep: 16) == 0)
  }

  @Test func tinyBRPNASFitRunsTheEpochsAsked() throws {
    let space = TinySpace()
    let domain = Domain(space: space, indices: Array(0..<space.poolSize))
    let labelled = [0, 5, 11, 20]
    let measurement = try BRPNASEpochTiming.measure(
      workload: "tiny", domain: domain, poolIndices: labelled, targets: [90, 91, 92, 93], epochs: 2,
      backend: try Backends.select(.portable, environment: nil))
    #expect(measurement.seconds > 0)
    #expect(measurement.work["epochs"] == 2)
    #expect(measurement.work["pairsPerEpoch"] == 12)
    #expect((measurement.gigaflop ?? 0) > 0)
  }

  @Test func exportHoldsEveryArchitectureWithItsInputs() throws {
    let space = TinySpace()
    let domain = Domain(space: space, indices: Array(0..<space.poolSize))
    let path = NSTemporaryDirectory() + "side-by-side-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try SideBySideExport.write(domain: domain, task: "tiny", signals: domain.indices.map(Double.init), to: path)
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
    let rows = object?["rows"] as? [[String: Any]] ?? []
    #expect(rows.count == space.poolSize)
    let gcn = rows.first?["gcn"] as? [String: Any]
    let nodes = gcn?["nodes"] as? Int ?? 0
    #expect(nodes > 0)
    #expect((gcn?["adjacency"] as? [Any])?.count == nodes * nodes)
    #expect((rows.first?["onehot"] as? [Any])?.count == object?["onehotWidth"] as? Int)
  }
}
