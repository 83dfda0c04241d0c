import Tensor

/// A pointwise nonlinearity chosen by name (for MLPs and encoders configured from settings).
public enum Activation: String, Sendable, Codable, CaseIterable {
  case relu
  case leakyReLU
  case gelu
  case tanh
  case sigmoid
  case elu
  case silu

  /// Applies the nonlinearity; same shape as `x`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    switch self {
    case .relu: return x.relu()
    case .leakyReLU: return x.leakyReLU()
    case .gelu: return x.gelu()
    case .tanh: return x.tanh()
    case .sigmoid: return x.sigmoid()
    case .elu: return x.elu()
    case .silu: return x.silu()
    }
  }
}
