import Tensor

/// Batch normalisation over every axis but the last (Ioffe and Szegedy 2015,
/// <https://arxiv.org/abs/1502.03167>). Maps `[..., features]` to the same shape.
///
/// Training mode normalises with the batch statistics and updates the running ones
/// (`running = (1 - momentum) * running + momentum * batch`, unbiased variance); evaluation
/// mode uses the running statistics.
public final class BatchNorm: Layer {
  /// `[features]`, initialised to 1.
  public let scale: Parameter
  /// `[features]`, initialised to 0.
  public let shift: Parameter
  /// Weight of the newest batch in the running statistics.
  public let momentum: Float
  /// Added to the variance.
  public let epsilon: Float
  /// `[features]` running mean, `<name>.runningMean` (a buffer, not a parameter).
  public let runningMeanBuffer: LayerBuffer
  /// `[features]` running variance, `<name>.runningVariance` (a buffer, not a parameter).
  public let runningVarianceBuffer: LayerBuffer

  /// Creates a batch norm over `features` channels.
  public init(features: Int, momentum: Float = 0.1, epsilon: Float = 1e-5, name: String = "batchNorm") {
    scale = Parameter(name: "\(name).scale", value: Tensor(repeating: 1, shape: [features]))
    shift = Parameter(name: "\(name).shift", value: Tensor(zeros: [features]))
    self.momentum = momentum
    self.epsilon = epsilon
    runningMeanBuffer = LayerBuffer(name: "\(name).runningMean", values: Array(repeating: 0, count: features))
    runningVarianceBuffer = LayerBuffer(name: "\(name).runningVariance", values: Array(repeating: 1, count: features))
  }

  public var parameters: [Parameter] { [scale, shift] }

  public var buffers: [LayerBuffer] { [runningMeanBuffer, runningVarianceBuffer] }

  /// `[features]` running mean.
  public var runningMean: [Float] { runningMeanBuffer.values }
  /// `[features]` running variance (unbiased batch variances averaged).
  public var runningVariance: [Float] { runningVarianceBuffer.values }

  /// Same shape as `x`.
  public func callAsFunction(_ x: Tensor, mode: Mode) -> Tensor {
    normalized(x, mode: mode, activation: .identity)
  }

  /// `activation(self(x, mode:))`, same shape as `x`; in training, ReLU runs inside the fused
  /// batch-norm op (one buffer and tape node fewer), other activations after it.
  public func callAsFunction(_ x: Tensor, mode: Mode, activation: Activation) -> Tensor {
    guard activation == .relu else { return activation(self(x, mode: mode)) }
    return normalized(x, mode: mode, activation: .relu)
  }

  private func normalized(_ x: Tensor, mode: Mode, activation: AffineActivation) -> Tensor {
    let features = scale.shape[0]
    precondition(x.shape.last == features, "BatchNorm: input shape \(x.shape) does not end in \(features)")
    let flat = x.reshaped([-1, features])
    switch mode {
    case .training:
      let rows = flat.shape[0]
      precondition(rows > 1, "BatchNorm: training needs more than one row, got shape \(x.shape)")
      let batch = flat.batchNormalized(scale: scale.value, shift: shift.value, epsilon: epsilon, activation: activation)
      let (correction, momentum) = (Float(rows) / Float(rows - 1), momentum)
      // One exclusive access per array, not one per element.
      runningMeanBuffer.values.withUnsafeMutableBufferPointer { running in
        for j in 0..<features { running[j] = (1 - momentum) * running[j] + momentum * batch.mean[j] }
      }
      runningVarianceBuffer.values.withUnsafeMutableBufferPointer { running in
        for j in 0..<features { running[j] = (1 - momentum) * running[j] + momentum * batch.variance[j] * correction }
      }
      return batch.output.reshaped(x.shape)
    case .evaluation:
      let mean = Tensor(shape: [features], scalars: runningMean)
      let deviation = Tensor(shape: [features], scalars: runningVariance.map { ($0 + epsilon).squareRoot() })
      let output = ((flat - mean) / deviation * scale.value + shift.value).reshaped(x.shape)
      return activation == .relu ? output.relu() : output
    }
  }
}
