import Randomness
import Tensor

/// One step of a long short-term memory cell (Hochreiter and Schmidhuber 1997), with the
/// gate order input, forget, candidate, output and the forget-gate bias initialised to 1.
public final class LSTMCell: Layer {
  /// The hidden and cell state, each `[batch, hiddenSize]`.
  public struct State {
    public var hidden: Tensor
    public var cell: Tensor

    /// Wraps a hidden and a cell state.
    public init(hidden: Tensor, cell: Tensor) {
      self.hidden = hidden
      self.cell = cell
    }
  }

  /// `[inputSize, 4 * hiddenSize]`.
  public let inputWeight: Parameter
  /// `[hiddenSize, 4 * hiddenSize]`.
  public let hiddenWeight: Parameter
  /// `[4 * hiddenSize]`.
  public let bias: Parameter

  /// Creates a cell.
  public init(inputSize: Int, hiddenSize: Int, name: String = "lstm", using rng: inout some RandomNumberGenerator) {
    let gates = 4 * hiddenSize
    inputWeight = Parameter(
      name: "\(name).inputWeight",
      value: Initialization.leCunUniform.tensor(shape: [inputSize, gates], fanIn: hiddenSize, fanOut: gates, using: &rng))
    hiddenWeight = Parameter(
      name: "\(name).hiddenWeight",
      value: Initialization.leCunUniform.tensor(shape: [hiddenSize, gates], fanIn: hiddenSize, fanOut: gates, using: &rng))
    let bias = (0..<gates).map { $0 >= hiddenSize && $0 < 2 * hiddenSize ? Float(1) : 0 }
    self.bias = Parameter(name: "\(name).bias", value: Tensor(shape: [gates], scalars: bias))
  }

  public var parameters: [Parameter] { [inputWeight, hiddenWeight, bias] }

  /// The hidden size.
  public var hiddenSize: Int { hiddenWeight.shape[0] }

  /// A zero state for `batch` sequences.
  public func zeroState(batch: Int) -> State {
    State(hidden: Tensor(zeros: [batch, hiddenSize]), cell: Tensor(zeros: [batch, hiddenSize]))
  }

  /// Advances the state by one input `[batch, inputSize]`.
  public func callAsFunction(_ x: Tensor, state: State) -> State {
    let gates = Tensor.matmul(x, inputWeight.value) + Tensor.matmul(state.hidden, hiddenWeight.value) + bias.value
    let parts = gates.split(sizes: Array(repeating: hiddenSize, count: 4), alongAxis: 1)
    let cell = parts[1].sigmoid() * state.cell + parts[0].sigmoid() * parts[2].tanh()
    return State(hidden: parts[3].sigmoid() * cell.tanh(), cell: cell)
  }
}
