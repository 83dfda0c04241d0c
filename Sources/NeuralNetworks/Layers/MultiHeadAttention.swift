import Randomness
import Tensor

/// Multi-head scaled dot-product self-attention (Vaswani et al. 2017, "Attention Is All You
/// Need", <https://arxiv.org/abs/1706.03762>). Maps `[batch, tokens, modelSize]` to the same shape.
public final class MultiHeadAttention: Layer {
  public let query: Linear
  public let key: Linear
  public let value: Linear
  public let output: Linear
  /// The number of heads; divides `modelSize`.
  public let heads: Int

  /// Creates an attention layer.
  public init(modelSize: Int, heads: Int, name: String = "attention", using rng: inout some RandomNumberGenerator) {
    precondition(heads > 0 && modelSize % heads == 0, "MultiHeadAttention: \(heads) heads do not divide model size \(modelSize)")
    query = Linear(modelSize, modelSize, name: "\(name).query", using: &rng)
    key = Linear(modelSize, modelSize, name: "\(name).key", using: &rng)
    value = Linear(modelSize, modelSize, name: "\(name).value", using: &rng)
    output = Linear(modelSize, modelSize, name: "\(name).output", using: &rng)
    self.heads = heads
  }

  public var parameters: [Parameter] { [query, key, value, output].flatMap(\.parameters) }

  /// Attends over the tokens of each sequence.
  ///
  /// - Parameters:
  ///   - x: `[batch, tokens, modelSize]`.
  ///   - mask: Broadcastable to `[batch, heads, tokens, tokens]` (query, key); non-zero entries
  ///     forbid attending, e.g. `paddingMask` `[batch, 1, 1, tokens]` or `causalMask` `[tokens, tokens]`.
  /// - Returns: `[batch, tokens, modelSize]`.
  public func callAsFunction(_ x: Tensor, mask: Tensor? = nil) -> Tensor {
    precondition(x.rank == 3, "MultiHeadAttention: expected [batch, tokens, model], got \(x.shape)")
    let (batch, tokens, model) = (x.shape[0], x.shape[1], x.shape[2])
    let width = model / heads
    func split(_ t: Tensor) -> Tensor { t.reshaped([batch, tokens, heads, width]).permuted([0, 2, 1, 3]) }
    let (q, k, v) = (split(query(x)), split(key(x)), split(value(x)))
    var scores = Tensor.matmul(q, k, transposeB: true) * (1 / Float(width).squareRoot())
    if let mask { scores = scores.maskedFill(mask, with: -1e9) }
    let mixed = Tensor.matmul(scores.softmax(), v)
    return output(mixed.permuted([0, 2, 1, 3]).reshaped([batch, tokens, model]))
  }

  /// `[batch, 1, 1, tokens]` with 1 at padding positions (token index ≥ the sequence's length).
  public static func paddingMask(lengths: [Int], tokens: Int) -> Tensor {
    let values = lengths.flatMap { length in (0..<tokens).map { Float($0 >= length ? 1 : 0) } }
    return Tensor(shape: [lengths.count, 1, 1, tokens], scalars: values)
  }

  /// `[tokens, tokens]` with 1 above the diagonal (a query may not see later keys).
  public static func causalMask(tokens: Int) -> Tensor {
    let values = (0..<(tokens * tokens)).map { Float($0 % tokens > $0 / tokens ? 1 : 0) }
    return Tensor(shape: [tokens, tokens], scalars: values)
  }
}
