import Tensor

extension Loss {
  /// Binary cross-entropy on logits, `mean(softplus(z) - y z)`, stable for large `|z|`.
  ///
  /// - Parameters:
  ///   - logits: Any shape.
  ///   - targets: Same shape, values in `[0, 1]`.
  public static func binaryCrossEntropy(logits: Tensor, targets: Tensor) -> Tensor {
    precondition(logits.shape == targets.shape, "binaryCrossEntropy: shapes \(logits.shape) and \(targets.shape) differ")
    return (logits.softplus() - logits * targets).mean()
  }

  /// Binary cross-entropy with logits, each element weighted, averaged over all elements
  /// (weights of 0 drop an element from the sum but not from the count).
  ///
  /// - Parameters:
  ///   - logits: Any shape.
  ///   - targets: Same shape, values in `[0, 1]`.
  ///   - weights: Same shape, not differentiated.
  public static func binaryCrossEntropy(logits: Tensor, targets: Tensor, weights: Tensor) -> Tensor {
    precondition(
      logits.shape == targets.shape && logits.shape == weights.shape,
      "binaryCrossEntropy: shapes \(logits.shape), \(targets.shape) and \(weights.shape) differ")
    return ((logits.softplus() - logits * targets) * weights).mean()
  }

  /// Cross-entropy of class labels under softmax(logits), averaged over rows.
  ///
  /// - Parameters:
  ///   - logits: `[rows, classes]` (or any shape whose last axis is the classes).
  ///   - labels: One class index per row.
  public static func crossEntropy(logits: Tensor, labels: [Int]) -> Tensor {
    -logits.logSoftmax().gathered(alongLastAxis: labels).mean()
  }

  /// `KL(N(mean, e^logVariance) ‖ N(0, I))`, summed over the last axis and averaged over rows
  /// (the VAE regulariser of Kingma and Welling 2014, <https://arxiv.org/abs/1312.6114>).
  ///
  /// - Parameters:
  ///   - mean: `[..., latent]`.
  ///   - logVariance: Same shape.
  public static func klDivergenceFromStandardNormal(mean: Tensor, logVariance: Tensor) -> Tensor {
    precondition(
      mean.shape == logVariance.shape, "klDivergenceFromStandardNormal: shapes \(mean.shape) and \(logVariance.shape) differ")
    let perElement = (mean.squared() + logVariance.exp() - logVariance - 1) * 0.5
    return perElement.sum(alongAxes: [-1]).mean()
  }

  /// `KL(p ‖ q)` between categorical distributions given as log-probabilities over the last
  /// axis, averaged over rows.
  ///
  /// - Parameters:
  ///   - logP: `[..., classes]` log-probabilities of the reference distribution.
  ///   - logQ: Same shape.
  public static func klDivergence(logP: Tensor, logQ: Tensor) -> Tensor {
    precondition(logP.shape == logQ.shape, "klDivergence: shapes \(logP.shape) and \(logQ.shape) differ")
    return (logP.exp() * (logP - logQ)).sum(alongAxes: [-1]).mean()
  }
}
