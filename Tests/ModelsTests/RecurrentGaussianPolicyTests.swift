import Models
import NeuralNetworks
import Randomness
import Tensor
import Testing

@Suite struct RecurrentGaussianPolicyTests {
  static func policy(seed: UInt64 = 1, hiddenSize: Int = 16, learningRate: Float = 0.01) -> RecurrentGaussianPolicy {
    var configuration = RecurrentGaussianPolicy.Configuration()
    configuration.hiddenSize = hiddenSize
    configuration.learningRate = learningRate
    var rng = SeededGenerator(seed: seed)
    return RecurrentGaussianPolicy(dimensions: 4, configuration: configuration, using: &rng)
  }

  static let states: [[Float]] = [[0.5, -0.2, 0.1, 0.9], [-0.3, 0.4, 0.8, -0.1], [0.2, 0.2, -0.6, 0.3]]
}

// MARK: - Shapes and densities

extension RecurrentGaussianPolicyTests {
  @Test func hasTheSourcesShape() {
    let policy = Self.policy(hiddenSize: 8)
    #expect(policy.parameters.map(\.shape) == [[4, 32], [8, 32], [32], [8, 4], [4]])
  }

  @Test func theRecordedLogDensityIsTheGaussianOfTheActionAroundTheChainsMean() {
    let policy = Self.policy()
    var rng = SeededGenerator(seed: 3)
    let actions = Self.states.map { policy.sampleAction(state: $0, using: &rng) }
    // Recomputing the same chain from a zero state gives each step's recorded density.
    for count in 1...actions.count {
      let recomputed = policy.logDensity(of: actions.prefix(count).map(\.values), after: Array(Self.states.prefix(count))).scalar
      let recorded = actions.prefix(count).map(\.logDensityValue).reduce(0, +)
      #expect(abs(Double(recomputed) - recorded) < 1e-4)
    }
    // A density of N(mean, I) in 4 dimensions is at most -2 log(2 pi) (at the mean).
    #expect(actions.allSatisfy { $0.logDensityValue < -2 * 1.8378770664 + 1e-6 })
  }

  @Test func theSpreadOfActionsIsTheConfiguredStandardDeviation() {
    for spread: Float in [0.5, 2] {
      var configuration = RecurrentGaussianPolicy.Configuration()
      configuration.hiddenSize = 8
      configuration.actionStandardDeviation = spread
      var rng = SeededGenerator(seed: 5)
      let policy = RecurrentGaussianPolicy(dimensions: 4, configuration: configuration, using: &rng)
      // From a reset state the mean for one state is fixed, so the draws' spread around their
      // own average is the configured one.
      let draws = (0..<4000).map { _ in
        policy.resetState()
        return policy.sampleAction(state: Self.states[0], using: &rng).values
      }
      for j in 0..<4 {
        let column = draws.map { Double($0[j]) }
        let average = column.reduce(0, +) / Double(column.count)
        let measured = (column.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(column.count - 1)).squareRoot()
        #expect(abs(measured - Double(spread)) < 0.05 * Double(spread), "spread \(spread), coordinate \(j): measured \(measured)")
      }
    }
  }
}

// MARK: - REINFORCE

extension RecurrentGaussianPolicyTests {
  /// The log-density of `action` after `state` from a zero recurrent state.
  static func density(_ policy: RecurrentGaussianPolicy, _ action: [Float], _ state: [Float]) -> Float {
    withoutGradients { policy.logDensity(of: [action], after: [state]).scalar }
  }

  @Test(arguments: [1.0, -1.0])
  func oneUpdateMovesTheLogDensityOfTheTakenActionWithTheSignOfTheAdvantage(_ advantage: Double) {
    for seed: UInt64 in 1...5 {
      let policy = Self.policy(seed: seed)
      var rng = SeededGenerator(seed: seed + 10)
      let action = policy.sampleAction(state: Self.states[0], using: &rng)
      let before = Self.density(policy, action.values, Self.states[0])
      let loss = policy.reinforce([(action, advantage)])
      let after = Self.density(policy, action.values, Self.states[0])
      #expect(abs(loss - (-Double(before) * advantage)) < 1e-4)
      #expect(advantage > 0 ? after > before : after < before, "seed \(seed): \(before) -> \(after)")
    }
  }

  @Test func anUpdateIsTheMeanOverItsStepsAndGoesThroughTheRecurrentChain() {
    // Two steps of one chain with advantages of opposite sign and equal size: the loss is
    // the mean of the two terms, and the first step's parameters get gradient from both.
    let policy = Self.policy(seed: 2)
    var rng = SeededGenerator(seed: 4)
    let first = policy.sampleAction(state: Self.states[0], using: &rng)
    let second = policy.sampleAction(state: Self.states[1], using: &rng)
    let loss = policy.reinforce([(first, 0.5), (second, -0.5)])
    #expect(abs(loss - (-0.5 * first.logDensityValue * 0.5 + 0.5 * second.logDensityValue * 0.5)) < 1e-4)
    #expect(policy.parameters.allSatisfy { $0.value.gradient == nil }, "the optimizer clears the gradients")
    // After the update the recurrent state is zero again: a new action starts a new chain.
    let next = policy.sampleAction(state: Self.states[2], using: &rng)
    let fresh = policy.logDensity(of: [next.values], after: [Self.states[2]]).scalar
    #expect(abs(Double(fresh) - next.logDensityValue) < 1e-4)
  }

  @Test func theLogDensityGradientMatchesFiniteDifferences() {
    let policy = Self.policy(seed: 6, hiddenSize: 6)
    var rng = SeededGenerator(seed: 8)
    let actions = Self.states.map { policy.sampleAction(state: $0, using: &rng).values }
    policy.resetState()
    let error = GradientCheck.maximumRelativeError(inputs: policy.parameters.map(\.value), step: 1e-2) { _ in
      policy.logDensity(of: actions, after: Self.states)
    }
    #expect(error < 1e-2, "relative error \(error)")
  }
}
