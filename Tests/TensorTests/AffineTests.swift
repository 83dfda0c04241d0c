import Randomness
import Tensor
import Testing

/// The fused affine op: gradients by finite differences, values and gradients against the
/// product, broadcast sum and ReLU it replaces.
@Suite struct AffineTests {
  @Test func affineMatchesFiniteDifferences() {
    #expect(gradientError([[5, 4], [4, 3], [3]]) { Tensor.affine($0[0], weight: $0[1], bias: $0[2]) } < 1e-2)
    #expect(gradientError([[2, 3, 4], [4, 6]]) { Tensor.affine($0[0], weight: $0[1], bias: nil) } < 1e-2)
  }

  @Test func reluAffineMatchesFiniteDifferences() {
    // Inputs away from zero keep the sums off the kink for most elements; the step is small.
    #expect(
      gradientError([[6, 4], [4, 5], [5]], awayFromZero: true, step: 1e-3) {
        Tensor.affine($0[0], weight: $0[1], bias: $0[2], activation: .relu)
      } < 1e-2)
  }

  @Test func affineEqualsTheUnfusedChain() {
    for activation in [AffineActivation.identity, .relu] {
      let fusedInputs = makeInputs([[3, 5, 7], [7, 4], [4]], seed: 11)
      let chainInputs = makeInputs([[3, 5, 7], [7, 4], [4]], seed: 11)
      let fused = Tensor.affine(fusedInputs[0], weight: fusedInputs[1], bias: fusedInputs[2], activation: activation)
      var chain = Tensor.matmul(chainInputs[0], chainInputs[1]) + chainInputs[2]
      if activation == .relu { chain = chain.relu() }
      #expect(fused.shape == chain.shape)
      #expect(maximumDifference(fused.scalars, chain.scalars) < 1e-6)
      let seed = makeInputs([[3, 5, 4]], seed: 12)[0].detached()
      fused.backward(seed: seed)
      chain.backward(seed: seed)
      for (f, c) in zip(fusedInputs, chainInputs) {
        #expect(maximumDifference(f.gradient?.scalars ?? [], c.gradient?.scalars ?? []) < 1e-5)
      }
    }
  }
}
