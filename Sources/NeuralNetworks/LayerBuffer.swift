/// Named state of a layer that is not trained by gradients but belongs to the trained network,
/// such as batch norm's running statistics.
///
/// Buffers are saved and loaded with the parameters (`LayerState`); optimizers never see them.
/// They are classes for the same reason parameters are: a layer and a state loader refer to
/// the same one.
public final class LayerBuffer {
  /// A dotted path such as `encoder.norm.runningMean`, unique within a layer.
  public let name: String
  /// The values; writers keep their count (the layer sized it; `Layer.load(_:)` checks it).
  public var values: [Float]

  /// A buffer holding `values`.
  public init(name: String, values: [Float]) {
    self.name = name
    self.values = values
  }
}
