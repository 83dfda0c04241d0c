import Tensor

/// Loss functions; each returns a scalar tensor (shape `[]`) averaged over elements or rows.
public enum Loss {}

extension Loss {
  /// Mean of `(prediction - target)²`; both the same shape.
  public static func meanSquaredError(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    precondition(prediction.shape == target.shape, "meanSquaredError: shapes \(prediction.shape) and \(target.shape) differ")
    return (prediction - target).squared().mean()
  }

  /// Mean of `|prediction - target|` (L1); both the same shape.
  public static func meanAbsoluteError(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    precondition(prediction.shape == target.shape, "meanAbsoluteError: shapes \(prediction.shape) and \(target.shape) differ")
    return (prediction - target).absoluteValue().mean()
  }
}
