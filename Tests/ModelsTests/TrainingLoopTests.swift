import Models
import NeuralNetworks
import Randomness
import Tensor
import Testing

/// The shared training loop: batching, shuffling, the two stopping rules, callbacks, clipping.
@Suite struct TrainingLoopTests {
  /// Runs `loop` on `count` examples whose batch losses are `losses[epoch - 1]` (constants, so
  /// no parameter moves) and returns the outcome.
  static func scripted(_ loop: TrainingLoop, epochLosses losses: [Float], count: Int = 4) -> TrainingOutcome {
    var rng = SeededGenerator(seed: 1)
    var epoch = 0
    let optimizer = Optimizer(SGD(), learningRate: 0.1)
    return loop.run(
      exampleCount: count, parameters: [], optimizer: optimizer, using: &rng,
      onEpochEnd: { summary in
        epoch = summary.epoch
        return .proceed
      },
      loss: { _, _ in BatchLoss(Tensor(losses[epoch])) }
    )
  }
}

// MARK: - Batches and order

extension TrainingLoopTests {
  @Test func everyEpochVisitsEachExampleOnceInBatchesOfTheGivenSize() {
    let loop = TrainingLoop(epochs: 3, batchSize: 4)
    var rng = SeededGenerator(seed: 2)
    var batches: [[Int]] = []
    let optimizer = Optimizer(SGD(), learningRate: 0.1)
    loop.run(exampleCount: 10, parameters: [], optimizer: optimizer, using: &rng) { batch, _ in
      batches.append(batch)
      return BatchLoss(Tensor(0))
    }
    #expect(batches.map(\.count) == [4, 4, 2, 4, 4, 2, 4, 4, 2])
    for epoch in 0..<3 { #expect(batches[(3 * epoch)..<(3 * epoch + 3)].flatMap { $0 }.sorted() == Array(0..<10)) }
    #expect(batches[0...2].flatMap { $0 } != batches[3...5].flatMap { $0 }, "each epoch reshuffles")
    #expect(loop.batchesPerEpoch(exampleCount: 10) == 3)
  }

  @Test func orderDependsOnlyOnTheSeedAndUnshuffledRunsInIndexOrder() {
    func order(seed: UInt64, shuffles: Bool) -> [Int] {
      var rng = SeededGenerator(seed: seed)
      var seen: [Int] = []
      let optimizer = Optimizer(SGD(), learningRate: 0.1)
      TrainingLoop(epochs: 2, batchSize: 3, shuffles: shuffles).run(exampleCount: 7, parameters: [], optimizer: optimizer, using: &rng) {
        batch, _ in
        seen += batch
        return nil
      }
      return seen
    }
    #expect(order(seed: 5, shuffles: true) == order(seed: 5, shuffles: true))
    #expect(order(seed: 5, shuffles: true) != order(seed: 6, shuffles: true))
    #expect(order(seed: 5, shuffles: false) == Array(0..<7) + Array(0..<7))
  }

  @Test func epochLossIsTheWeightedMeanAndSkippedBatchesTakeNoStep() {
    let parameter = Parameter(name: "p", value: Tensor(shape: [1], scalars: [1]))
    let optimizer = Optimizer(SGD(), learningRate: 0.5)
    var rng = SeededGenerator(seed: 3)
    var summaries: [EpochSummary] = []
    let outcome = TrainingLoop(epochs: 2, batchSize: 2, shuffles: false).run(
      exampleCount: 5, parameters: [parameter], optimizer: optimizer, using: &rng,
      onEpochEnd: {
        summaries.append($0)
        return .proceed
      },
      loss: { batch, _ in
        // Batches [0, 1], [2, 3], [4]: the last one is skipped.
        guard batch.count == 2 else { return nil }
        let loss = (parameter.value * Float(batch[0] + 1)).sum()
        return BatchLoss(loss, weight: Float(batch[0] + 1))
      }
    )
    // Two steps per epoch: p falls by 0.5 * 1, then by 0.5 * 3, ...
    #expect(summaries.map(\.steps) == [2, 4])
    let first = summaries[0].meanLoss  // (1 * 1 * 1 + 3 * (0.5 * 3)) / (1 + 3)
    #expect(Swift.abs(first - (1 + 3 * 1.5) / 4) < 1e-6)
    #expect(Swift.abs(parameter.value.scalars[0] - (1 - 0.5 * 4 * 2)) < 1e-6)
    #expect(outcome.epochsRun == 2 && !outcome.stoppedEarly)
  }
}

// MARK: - Stopping

extension TrainingLoopTests {
  @Test func scikitLearnRuleStopsAfterMoreThanPatienceStaleEpochsInARow() {
    // Best is the running minimum: 0.95 at epoch 2; epochs 3-5 fall by less than the
    // tolerance (stale 1, 2, 3); with patience 2 the run stops after epoch 5.
    let losses: [Float] = [1, 0.95, 0.949, 0.948, 0.947, 0.5, 0.4, 0.3]
    let loop = TrainingLoop(epochs: 8, batchSize: 2, earlyStopping: .scikitLearn(patience: 2, tolerance: 0.01))
    let outcome = Self.scripted(loop, epochLosses: losses)
    #expect(outcome.epochsRun == 5)
    #expect(outcome.stoppedEarly)
    #expect(outcome.finalLoss == 0.947)
  }

  @Test func kerasRuleCountsEpochsSinceTheLastImprovementByMoreThanTheTolerance() {
    // Best moves only when beaten by more than 0.01: 1 (epoch 1), 0.95 (epoch 2), then 0.939
    // at epoch 5 (0.011 below 0.95), so patience 3 stops after epoch 8, not after epoch 5.
    let losses: [Float] = [1, 0.95, 0.945, 0.942, 0.939, 0.935, 0.932, 0.930, 0.2, 0.1]
    let loop = TrainingLoop(
      epochs: 10, batchSize: 2, earlyStopping: EarlyStopping(rule: .sinceLastImprovement, patience: 3, tolerance: 0.01))
    #expect(Self.scripted(loop, epochLosses: losses).epochsRun == 8)
    // The running-minimum rule with the same numbers stops earlier: epochs 3-5 are stale.
    let scikit = TrainingLoop(epochs: 10, batchSize: 2, earlyStopping: .scikitLearn(patience: 2, tolerance: 0.01))
    #expect(Self.scripted(scikit, epochLosses: losses).epochsRun == 5)
  }

  @Test func noStopBeforeTheStartEpoch() {
    let flat = [Float](repeating: 1, count: 12)
    let early = TrainingLoop(
      epochs: 12, batchSize: 2, earlyStopping: EarlyStopping(rule: .sinceLastImprovement, patience: 2, tolerance: 0))
    #expect(Self.scripted(early, epochLosses: flat).epochsRun == 3)
    let late = TrainingLoop(
      epochs: 12, batchSize: 2, earlyStopping: EarlyStopping(rule: .sinceLastImprovement, patience: 2, tolerance: 0, startEpoch: 7))
    #expect(Self.scripted(late, epochLosses: flat).epochsRun == 7)
    #expect(Self.scripted(TrainingLoop(epochs: 12, batchSize: 2), epochLosses: flat).epochsRun == 12)
  }

  @Test func callbackValidationLossIsMonitoredAndItsStopRequestEndsTheRun() {
    var rng = SeededGenerator(seed: 4)
    let optimizer = Optimizer(SGD(), learningRate: 0.1)
    let loop = TrainingLoop(epochs: 20, batchSize: 2, earlyStopping: .scikitLearn(patience: 1, tolerance: 0))
    // The training loss falls every epoch, the validation loss only until epoch 3.
    let validation: [Float] = [5, 4, 3, 3.5, 3.6, 3.7, 1, 1]
    let monitored = loop.run(
      exampleCount: 4, parameters: [], optimizer: optimizer, using: &rng,
      onEpochEnd: { EpochFeedback(validationLoss: validation[$0.epoch - 1]) },
      loss: { _, _ in BatchLoss(Tensor(1 / Float(optimizer.stepCount + 1))) }
    )
    #expect(monitored.epochsRun == 5)
    #expect(monitored.finalValidationLoss == 3.6)
    let stopped = loop.run(
      exampleCount: 4, parameters: [], optimizer: optimizer, using: &rng,
      onEpochEnd: { EpochFeedback(stop: $0.epoch == 2) },
      loss: { _, _ in BatchLoss(Tensor(1 / Float(optimizer.stepCount + 1))) }
    )
    #expect(stopped.epochsRun == 2 && stopped.stoppedEarly)
  }
}

// MARK: - Clipping and schedules

extension TrainingLoopTests {
  @Test func clippingRescalesTheGradientToTheMaximumNorm() {
    func stepped(maximumNorm: Float?) -> [Float] {
      let parameter = Parameter(name: "p", value: Tensor(shape: [2], scalars: [3, 4]))
      var rng = SeededGenerator(seed: 5)
      let optimizer = Optimizer(SGD(), learningRate: 1)
      TrainingLoop(epochs: 1, batchSize: 1, maximumGradientNorm: maximumNorm).run(
        exampleCount: 1, parameters: [parameter], optimizer: optimizer, using: &rng
      ) { _, _ in BatchLoss((parameter.value * parameter.value).sum() * 0.5) }  // gradient = p, norm 5
      return parameter.value.scalars
    }
    #expect(maximumDifference(stepped(maximumNorm: 1), [3 - 0.6, 4 - 0.8]) < 1e-6)
    #expect(maximumDifference(stepped(maximumNorm: 10), [0, 0]) < 1e-6)
    #expect(maximumDifference(stepped(maximumNorm: nil), [0, 0]) < 1e-6)
  }

  @Test func theOptimizerScheduleAdvancesOncePerStep() {
    let parameter = Parameter(name: "p", value: Tensor(shape: [1], scalars: [0]))
    var rng = SeededGenerator(seed: 6)
    let loop = TrainingLoop(epochs: 3, batchSize: 2)
    let steps = 3 * loop.batchesPerEpoch(exampleCount: 5)
    let optimizer = Optimizer(SGD(), schedule: StepSchedule(base: 1, stepSize: 3, decay: 0.5))
    var rates: [Float] = []
    loop.run(exampleCount: 5, parameters: [parameter], optimizer: optimizer, using: &rng) { _, _ in
      rates.append(optimizer.nextLearningRate)
      return BatchLoss(parameter.value.sum())  // gradient 1: p falls by the rate
    }
    #expect(rates == [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25])
    #expect(optimizer.stepCount == steps)
    #expect(Swift.abs(parameter.value.scalars[0] + 5.25) < 1e-6)
  }
}

/// Largest absolute difference between two equally long arrays.
func maximumDifference(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count, "compared arrays differ in length: \(a.count) and \(b.count)")
  return zip(a, b).reduce(0) { max($0, Swift.abs($1.0 - $1.1)) }
}
