import Models
import NeuralNetworks
import Randomness
import Tensor
import Testing

/// The BRP-NAS graph encoder learns a structural property on its own.
@Suite struct GCNEncoderTests {
  @Test func gcnEncoderSeparatesChainsFromFans() {
    var rng = SeededGenerator(seed: 41)
    func graph(fan: Bool) -> GraphSample {
      let n = 6
      var adjacency = [Float](repeating: 0, count: n * n)
      for i in 0..<(n - 1) {
        if fan {
          if i > 0 { adjacency[i * n + n - 1] = 1 }
          adjacency[0 * n + max(i, 1)] = 1
        } else {
          adjacency[i * n + i + 1] = 1
        }
      }
      let operations = [0] + (1..<(n - 1)).map { _ in 2 + rng.nextInt(below: 3) } + [1]
      return GraphSample(nodeCount: n, adjacency: adjacency, nodeOperations: operations, vocabularySize: 5)
    }
    let labels = (0..<96).map { $0 % 2 }
    let batch = GraphBatch(labels.map { graph(fan: $0 == 1) }, globalNode: true)
    let adjacency = batch.symmetricNormalizedAdjacency()
    let targets = Tensor(shape: [96, 1], scalars: labels.map(Float.init))
    let encoder = GCNEncoder(inputSize: batch.labelCount, hiddenSize: 32, layers: 3, dropout: 0, using: &rng)
    let head = Linear(32, 1, using: &rng)
    let optimizer = Optimizer(Adam.adamW(weightDecay: 1e-4), learningRate: 1e-2)
    let train = 0..<64
    for _ in 0..<80 {
      let logits = head(encoder(features: batch.features, adjacency: adjacency, mode: .training, using: &rng))
      Loss.binaryCrossEntropy(logits: logits.slice(alongAxis: 0, train), targets: targets.slice(alongAxis: 0, train)).backward()
      optimizer.step(encoder.parameters + head.parameters)
    }
    let logits = head(encoder(features: batch.features, adjacency: adjacency, mode: .evaluation, using: &rng)).scalars
    let correct = (64..<96).filter { (logits[$0] > 0) == (labels[$0] == 1) }.count
    #expect(correct >= 31)
  }
}
