import Randomness
import Tensor
import Testing

/// The fused GIN aggregation: gradients by finite differences, values and gradients against
/// the sum, broadcast product and batched matrix product it replaces.
@Suite struct GraphAggregationTests {
  /// A sparse `[graphs, nodes, nodes]` adjacency with weights in (0.5, 1.5).
  static func adjacency(graphs: Int, nodes: Int, seed: UInt64, requiresGradient: Bool) -> Tensor {
    var rng = SeededGenerator(seed: seed)
    let values: [Float] = (0..<(graphs * nodes * nodes)).map { _ in
      rng.nextUnit() < 0.4 ? Float(0.5 + rng.nextUnit()) : 0
    }
    return Tensor(shape: [graphs, nodes, nodes], scalars: values, requiresGradient: requiresGradient)
  }

  @Test func ginAggregationMatchesFiniteDifferences() {
    let adjacency = Self.adjacency(graphs: 3, nodes: 4, seed: 3, requiresGradient: true)
    let error = GradientCheck.maximumRelativeError(
      inputs: makeInputs([[3, 4, 5], [1]], seed: 4) + [adjacency], step: 1e-2
    ) { Tensor.ginAggregation($0[0], adjacency: $0[2], epsilon: $0[1]) }
    #expect(error < 1e-2)
  }

  @Test func ginAggregationEqualsTheUnfusedChain() {
    for adjacencyGradient in [false, true] {
      let fusedInputs = makeInputs([[4, 6, 9], [1]], seed: 21)
      let chainInputs = makeInputs([[4, 6, 9], [1]], seed: 21)
      let fusedAdjacency = Self.adjacency(graphs: 4, nodes: 6, seed: 22, requiresGradient: adjacencyGradient)
      let chainAdjacency = Self.adjacency(graphs: 4, nodes: 6, seed: 22, requiresGradient: adjacencyGradient)
      let fused = Tensor.ginAggregation(fusedInputs[0], adjacency: fusedAdjacency, epsilon: fusedInputs[1])
      let chain = chainInputs[0] * (chainInputs[1] + 1) + Tensor.matmul(chainAdjacency, chainInputs[0])
      #expect(fused.shape == chain.shape)
      #expect(maximumDifference(fused.scalars, chain.scalars) < 1e-6)
      let seed = makeInputs([[4, 6, 9]], seed: 23)[0].detached()
      fused.backward(seed: seed)
      chain.backward(seed: seed)
      for (f, c) in zip(fusedInputs + [fusedAdjacency], chainInputs + [chainAdjacency]) {
        #expect(maximumDifference(f.gradient?.scalars ?? [], c.gradient?.scalars ?? []) < 1e-4)
      }
    }
  }
}
