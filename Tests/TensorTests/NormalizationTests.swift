import Randomness
import Tensor
import Testing

/// The fused normalisation ops: gradients by finite differences, values against the
/// compositions of elementary ops they replace.
@Suite struct NormalizationTests {
  static let tolerance = 1e-2

  @Test func layerNormalizationMatchesFiniteDifferences() {
    #expect(gradientError([[3, 6], [6], [6]]) { $0[0].layerNormalized(scale: $0[1], shift: $0[2]) } < Self.tolerance)
    #expect(gradientError([[2, 3, 5], [5], [5]]) { $0[0].layerNormalized(scale: $0[1], shift: $0[2]) } < Self.tolerance)
  }

  @Test func layerNormalizationEqualsTheComposition() {
    let inputs = makeInputs([[4, 7], [7], [7]], seed: 5)
    let fused = inputs[0].layerNormalized(scale: inputs[1], shift: inputs[2])
    let composed = inputs[0].standardized() * inputs[1] + inputs[2]
    #expect(maximumDifference(fused.scalars, composed.scalars) < 1e-6)
  }

  @Test func batchNormalizationMatchesFiniteDifferences() {
    #expect(
      gradientError([[5, 4], [4], [4]]) { $0[0].batchNormalized(scale: $0[1], shift: $0[2]).output } < Self.tolerance)
  }

  @Test func batchNormalizationEqualsTheCompositionAndReportsStatistics() {
    let inputs = makeInputs([[6, 3], [3], [3]], seed: 7)
    let fused = inputs[0].batchNormalized(scale: inputs[1], shift: inputs[2])
    let mean = inputs[0].mean(alongAxes: [0])
    let centered = inputs[0] - mean
    let variance = centered.squared().mean(alongAxes: [0])
    let composed = centered / (variance + 1e-5).squareRoot() * inputs[1] + inputs[2]
    #expect(maximumDifference(fused.output.scalars, composed.scalars) < 1e-5)
    #expect(maximumDifference(fused.mean, mean.scalars) < 1e-6)
    #expect(maximumDifference(fused.variance, variance.scalars) < 1e-6)
  }

  @Test func reluBatchNormalizationMatchesFiniteDifferences() {
    // The step is small so that few outputs cross the kink.
    #expect(
      gradientError([[6, 4], [4], [4]], step: 1e-3) {
        $0[0].batchNormalized(scale: $0[1], shift: $0[2], activation: .relu).output
      } < Self.tolerance)
  }

  @Test func reluBatchNormalizationEqualsTheUnfusedChain() {
    let fusedInputs = makeInputs([[7, 5], [5], [5]], seed: 9)
    let chainInputs = makeInputs([[7, 5], [5], [5]], seed: 9)
    let fused = fusedInputs[0].batchNormalized(scale: fusedInputs[1], shift: fusedInputs[2], activation: .relu)
    let plain = chainInputs[0].batchNormalized(scale: chainInputs[1], shift: chainInputs[2])
    let chain = plain.output.relu()
    #expect(fused.output.scalars == chain.scalars)
    #expect(fused.mean == plain.mean && fused.variance == plain.variance)
    let seed = makeInputs([[7, 5]], seed: 10)[0].detached()
    fused.output.backward(seed: seed)
    chain.backward(seed: seed)
    for (f, c) in zip(fusedInputs, chainInputs) {
      #expect(maximumDifference(f.gradient?.scalars ?? [], c.gradient?.scalars ?? []) < 1e-6)
    }
  }
}
