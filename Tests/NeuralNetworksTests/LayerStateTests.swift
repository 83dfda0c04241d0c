import Foundation
import NeuralNetworks
import Randomness
import Tensor
import Testing

/// Saving and loading parameters and buffers by name.
@Suite struct LayerStateTests {
  /// A GIN layer (parameters and batch-norm buffers) after one training step.
  static func trainedLayer(seed: UInt64, hidden: Int = 4) -> GINLayer {
    var rng = SeededGenerator(seed: seed)
    let layer = GINLayer(3, hiddenSize: hidden, 2, name: "gin", using: &rng)
    let h = Tensor(randomNormal: [2, 3, 3], using: &rng)
    let adjacency = Tensor(shape: [2, 3, 3], scalars: [0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0])
    let optimizer = Optimizer(Adam(), learningRate: 0.1)
    layer(h, adjacency: adjacency, mode: .training).squared().mean().backward()
    optimizer.step(layer.parameters)
    return layer
  }
}

extension LayerStateTests {
  @Test func encodedStateLoadsIntoAFreshLayerWithTheSameOutputs() throws {
    let trained = Self.trainedLayer(seed: 1)
    let fresh = Self.trainedLayer(seed: 2)
    let data = try JSONEncoder().encode(trained.state)
    let decoded = try JSONDecoder().decode(LayerState.self, from: data)
    #expect(decoded == trained.state)
    #expect(decoded.parameters.map(\.name) == trained.parameters.map(\.name))
    #expect(decoded.buffers.map(\.name) == ["gin.norm.runningMean", "gin.norm.runningVariance"])
    try fresh.load(decoded)
    #expect(fresh.state == trained.state)
    let x = Tensor(shape: [1, 2, 3], scalars: [0.5, -1, 2, 1, 0, -0.5])
    let adjacency = Tensor(shape: [1, 2, 2], scalars: [0, 1, 1, 0])
    #expect(fresh(x, adjacency: adjacency, mode: .evaluation).scalars == trained(x, adjacency: adjacency, mode: .evaluation).scalars)
  }

  @Test func entriesMatchByNameNotOrder() throws {
    let trained = Self.trainedLayer(seed: 3)
    var state = trained.state
    state.parameters.reverse()
    state.buffers.reverse()
    let fresh = Self.trainedLayer(seed: 4)
    try fresh.load(state)
    #expect(fresh.state == trained.state)
  }

  @Test(arguments: MismatchCase.all)
  func mismatchIsRefusedWithItsMessageAndChangesNothing(_ mismatch: MismatchCase) {
    let layer = Self.trainedLayer(seed: 5)
    let before = layer.state
    #expect(throws: mismatch.error) { try layer.load(mismatch.state) }
    #expect(mismatch.error.description == mismatch.message)
    #expect(layer.state == before)
  }
}

/// A state that does not fit `LayerStateTests.trainedLayer(seed: 5)`, with the expected error.
struct MismatchCase: CustomTestStringConvertible, Sendable {
  let testDescription: String
  let state: LayerState
  let error: LayerStateError
  let message: String

  static var all: [MismatchCase] {
    let good = LayerStateTests.trainedLayer(seed: 7).state
    let wider = LayerStateTests.trainedLayer(seed: 7, hidden: 5).state
    var missing = good
    missing.parameters.removeAll { $0.name == "gin.second.bias" }
    var unknown = good
    unknown.buffers.append(.init(name: "gin.norm.count", shape: [1], values: [3]))
    var repeated = good
    repeated.parameters.append(good.parameters[0])
    var short = good
    short.parameters[1].values.removeLast()
    var shape = good
    shape.parameters[1] = wider.parameters[1]
    return [
      MismatchCase(
        testDescription: "missing parameter", state: missing, error: .missingName(.parameter, name: "gin.second.bias", shape: [2]),
        message: "layer state: no parameter 'gin.second.bias'; the layer needs it with shape [2]"),
      MismatchCase(
        testDescription: "unknown buffer", state: unknown,
        error: .unknownName(.buffer, name: "gin.norm.count", known: ["gin.norm.runningMean", "gin.norm.runningVariance"]),
        message: "layer state: unknown buffer 'gin.norm.count'; the layer has: gin.norm.runningMean, gin.norm.runningVariance"),
      MismatchCase(
        testDescription: "repeated parameter", state: repeated, error: .repeatedName(.parameter, name: "gin.epsilon"),
        message: "layer state: parameter 'gin.epsilon' appears twice; each name must appear once"),
      MismatchCase(
        testDescription: "too few values", state: short, error: .valueCountMismatch(.parameter, name: "gin.first.weight", shape: [3, 4], count: 11),
        message: "layer state: parameter 'gin.first.weight' has 11 values; its shape [3, 4] needs 12"),
      MismatchCase(
        testDescription: "wrong shape", state: shape, error: .shapeMismatch(.parameter, name: "gin.first.weight", expected: [3, 4], found: [3, 5]),
        message: "layer state: parameter 'gin.first.weight' has shape [3, 5]; the layer expects [3, 4]"),
    ]
  }
}
