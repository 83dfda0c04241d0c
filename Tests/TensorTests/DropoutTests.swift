import Randomness
import Tensor
import Testing

/// The fused dropout op: gradients by finite differences (same mask on every evaluation),
/// values and gradients against `x * mask` with the mask it drew, and its keep rate.
@Suite struct DropoutTests {
  @Test func droppedOutMatchesFiniteDifferences() {
    let error = gradientError([[7, 5]]) { inputs in
      var rng = SeededGenerator(seed: 3)
      return inputs[0].droppedOut(probability: 0.3, using: &rng)
    }
    #expect(error < 1e-2)
  }

  @Test func droppedOutEqualsTheProductWithItsMask() {
    let x = makeInputs([[9, 11]], seed: 4)[0]
    let ones = Tensor(repeating: 1, shape: x.shape, requiresGradient: true)
    var rng = SeededGenerator(seed: 5)
    let fused = x.droppedOut(probability: 0.25, using: &rng)
    rng = SeededGenerator(seed: 5)
    let mask = withoutGradients { ones.droppedOut(probability: 0.25, using: &rng) }
    let chain = x.detached() * mask
    #expect(fused.scalars == chain.scalars)
    #expect(Set(mask.scalars).isSubset(of: [0, 1 / Float(0.75)]))
    fused.backward(seed: Tensor(repeating: 1, shape: x.shape))
    #expect(x.gradient?.scalars == mask.scalars)
  }

  @Test func droppedOutKeepsTheRequestedShare() {
    let x = Tensor(repeating: 1, shape: [20_000])
    var rng = SeededGenerator(seed: 6)
    let kept = x.droppedOut(probability: 0.2, using: &rng).scalars.filter { $0 != 0 }.count
    #expect(Swift.abs(Double(kept) / 20_000 - 0.8) < 0.01)
  }
}
