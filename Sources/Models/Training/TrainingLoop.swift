import NeuralNetworks
import Randomness
import Tensor

/// The one mini-batch training loop of the learned models: epochs over a seeded shuffle of the
/// examples, a loss per mini-batch back-propagated into the parameters, optional gradient
/// clipping, an optimizer step (its learning-rate schedule advances per step), a per-epoch
/// callback and early stopping.
///
/// Each epoch draws a fresh order of the examples (`stableShuffle` with the run's generator,
/// unless `shuffles` is off) and walks it in batches of `batchSize` (the last one shorter);
/// the loss closure receives the example positions of each batch and the same generator for
/// its own randomness (dropout, noise). An epoch's mean loss is the weighted mean of its
/// batches' losses (`BatchLoss.weight`: the example count for a per-example mean, 1 for a mean
/// over steps). The callback sees it and may return a validation loss, which early stopping
/// then monitors instead, or ask to stop.
public struct TrainingLoop: Sendable, Hashable {
  /// Passes over the examples, at most; at least 0.
  public var epochs: Int
  /// Examples per mini-batch (the last batch of an epoch may be shorter); at least 1.
  public var batchSize: Int
  /// Whether each epoch visits the examples in a fresh random order (else in index order).
  public var shuffles: Bool
  /// Stops before `epochs` when the monitored loss stalls; `nil` runs every epoch.
  public var earlyStopping: EarlyStopping?
  /// Rescales the gradients to this global L2 norm when they exceed it; `nil` leaves them.
  public var maximumGradientNorm: Float?

  /// A loop.
  public init(
    epochs: Int, batchSize: Int, shuffles: Bool = true, earlyStopping: EarlyStopping? = nil, maximumGradientNorm: Float? = nil
  ) {
    precondition(epochs >= 0, "TrainingLoop: epochs must be at least 0, got \(epochs)")
    precondition(batchSize >= 1, "TrainingLoop: batch size must be at least 1, got \(batchSize)")
    precondition(maximumGradientNorm.map { $0 > 0 } ?? true, "TrainingLoop: maximum gradient norm must be positive, got \(maximumGradientNorm ?? 0)")
    self.epochs = epochs
    self.batchSize = batchSize
    self.shuffles = shuffles
    self.earlyStopping = earlyStopping
    self.maximumGradientNorm = maximumGradientNorm
  }

  /// Mini-batches per epoch for `exampleCount` examples, e.g. to size a schedule's total steps.
  public func batchesPerEpoch(exampleCount: Int) -> Int {
    (exampleCount + batchSize - 1) / batchSize
  }

  /// Trains `parameters` on `exampleCount` examples.
  ///
  /// - Parameters:
  ///   - exampleCount: The examples are positions `0..<exampleCount`.
  ///   - parameters: Everything `optimizer` updates (and the clipping norm covers).
  ///   - optimizer: Its rule and schedule; one step per batch that returned a loss.
  ///   - rng: Shuffles the examples and is handed to `loss`.
  ///   - onEpochEnd: Called after each epoch with its summary.
  ///   - loss: The loss of one mini-batch (positions of examples), or `nil` to skip the batch
  ///     (no step; it does not enter the epoch's mean).
  /// - Returns: What the run did.
  @discardableResult
  public func run<Rule: OptimizerRule>(
    exampleCount: Int, parameters: [Parameter], optimizer: Optimizer<Rule>, using rng: inout SeededGenerator,
    onEpochEnd: (EpochSummary) -> EpochFeedback = { _ in .proceed },
    loss: (_ batch: [Int], _ rng: inout SeededGenerator) -> BatchLoss?
  ) -> TrainingOutcome {
    var order = Array(0..<exampleCount)
    var tracker = earlyStopping.map(EarlyStopping.Tracker.init)
    var outcome = TrainingOutcome()
    for epoch in stride(from: 1, through: epochs, by: 1) {
      if shuffles { order.stableShuffle(using: &rng) }
      var total: Float = 0
      var weight: Float = 0
      for start in stride(from: 0, to: exampleCount, by: batchSize) {
        let batch = Array(order[start..<min(start + batchSize, exampleCount)])
        guard let batchLoss = loss(batch, &rng) else { continue }
        batchLoss.value.backward()
        if let maximumGradientNorm { GradientClipping.clip(parameters, maximumNorm: maximumGradientNorm) }
        optimizer.step(parameters)
        total += batchLoss.value.scalar * batchLoss.weight
        weight += batchLoss.weight
      }
      let meanLoss = weight > 0 ? total / weight : 0
      outcome.epochsRun = epoch
      outcome.finalLoss = meanLoss
      let feedback = onEpochEnd(EpochSummary(epoch: epoch, meanLoss: meanLoss, steps: optimizer.stepCount))
      let monitored = feedback.validationLoss ?? meanLoss
      outcome.finalValidationLoss = feedback.validationLoss
      if feedback.stop {
        outcome.stoppedEarly = epoch < epochs
        break
      }
      if tracker?.shouldStop(after: epoch, value: monitored) == true {
        outcome.stoppedEarly = epoch < epochs
        break
      }
    }
    return outcome
  }
}

/// The loss of one mini-batch and its weight in the epoch's mean.
public struct BatchLoss {
  /// A one-element loss tensor recorded on the tape.
  public let value: Tensor
  /// The batch's weight in the epoch's mean loss (its example count for a per-example mean).
  public let weight: Float

  /// A batch loss; `weight` 1 makes the epoch's mean a mean over steps.
  public init(_ value: Tensor, weight: Float = 1) {
    self.value = value
    self.weight = weight
  }
}

/// What the per-epoch callback of `TrainingLoop.run` sees.
public struct EpochSummary: Sendable, Hashable {
  /// The epoch just finished, 1-based.
  public let epoch: Int
  /// The weighted mean of its batch losses (0 if every batch was skipped).
  public let meanLoss: Float
  /// Optimizer steps taken so far, over all epochs.
  public let steps: Int
}

/// The per-epoch callback's answer.
public struct EpochFeedback: Sendable, Hashable {
  /// A validation loss (lower is better; negate a metric where higher is better), monitored by
  /// early stopping instead of the training loss; `nil` monitors the training loss.
  public var validationLoss: Float?
  /// Ends training after this epoch.
  public var stop: Bool

  /// An answer.
  public init(validationLoss: Float? = nil, stop: Bool = false) {
    self.validationLoss = validationLoss
    self.stop = stop
  }

  /// Go on, monitoring the training loss.
  public static let proceed = EpochFeedback()
}

/// What a `TrainingLoop.run` did.
public struct TrainingOutcome: Sendable, Hashable {
  /// Epochs completed.
  public var epochsRun = 0
  /// The last epoch's mean training loss (`infinity` if no epoch ran).
  public var finalLoss = Float.infinity
  /// The last epoch's validation loss, if the callback gave one.
  public var finalValidationLoss: Float?
  /// Whether early stopping or the callback ended the run before `epochs`.
  public var stoppedEarly = false
}
