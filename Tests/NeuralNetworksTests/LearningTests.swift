#if canImport(Glibc)
  import Glibc
#endif
import NeuralNetworks
import Randomness
import Tensor
import Testing

/// Small training runs that fail if gradients, optimizers or layers are subtly wrong.
@Suite struct LearningTests {}

extension LearningTests {
  @Test func mlpFitsANonlinearFunction() {
    var rng = SeededGenerator(seed: 40)
    let x = Tensor(randomUniform: [256, 2], in: -1..<1, using: &rng)
    let values = x.scalars
    let y = Tensor(shape: [256, 1], scalars: (0..<256).map { i in sinf(3 * values[2 * i]) * values[2 * i + 1] })
    let model = MLP(sizes: [2, 32, 32, 1], activation: .tanh, initialization: .glorotUniform, using: &rng)
    let optimizer = Optimizer(Adam(), learningRate: 1e-2)
    let initial = Loss.meanSquaredError(model(x), y).scalar
    for _ in 0..<400 {
      Loss.meanSquaredError(model(x), y).backward()
      optimizer.step(model.parameters)
    }
    let final = Loss.meanSquaredError(model(x), y).scalar
    #expect(initial > 0.1)
    #expect(final < 0.01)
  }

  @Test func gcnSeparatesChainsFromFans() {
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
    let targets = Tensor(shape: [96], scalars: labels.map(Float.init))
    let model = GraphConvolutionRegressor(labelCount: batch.labelCount, hiddenSize: 32, layerCount: 3, dropout: 0, using: &rng)
    let optimizer = Optimizer(Adam.adamW(weightDecay: 1e-4), learningRate: 1e-2)
    let train = 0..<64
    for _ in 0..<80 {
      let logits = model(batch, adjacency: adjacency, mode: .training, using: &rng)
      Loss.binaryCrossEntropy(logits: logits.slice(alongAxis: 0, train), targets: targets.slice(alongAxis: 0, train)).backward()
      optimizer.step(model.parameters)
    }
    let logits = model(batch, adjacency: adjacency, mode: .evaluation, using: &rng).scalars
    let correct = (64..<96).filter { (logits[$0] > 0) == (labels[$0] == 1) }.count
    #expect(correct >= 31)
  }

  @Test func transformerLearnsToSortShortSequences() {
    var rng = SeededGenerator(seed: 42)
    let (length, vocabulary, model, batchSize) = (5, 8, 32, 64)
    let tokens = Embedding(vocabularySize: vocabulary, dimension: model, using: &rng)
    let positions = Embedding(vocabularySize: length, dimension: model, using: &rng)
    let blocks = (0..<2).map { TransformerEncoderBlock(modelSize: model, heads: 4, feedForwardSize: 64, name: "block\($0)", using: &rng) }
    let readout = Linear(model, vocabulary, using: &rng)
    let parameters = tokens.parameters + positions.parameters + blocks.flatMap(\.parameters) + readout.parameters
    let optimizer = Optimizer(Adam(), schedule: CosineSchedule(base: 3e-3, totalSteps: 400, warmupSteps: 20))
    func batch() -> (inputs: [Int], sorted: [Int]) {
      var inputs: [Int] = []
      var sorted: [Int] = []
      for _ in 0..<batchSize {
        let sequence = (0..<length).map { _ in rng.nextInt(below: vocabulary) }
        inputs += sequence
        sorted += sequence.sorted()
      }
      return (inputs, sorted)
    }
    func logits(_ inputs: [Int]) -> Tensor {
      var h = tokens(inputs, shape: [batchSize, length]) + positions(Array(0..<length)).reshaped([1, length, model])
      var unused = SeededGenerator(seed: 0)
      for block in blocks { h = block(h, mode: .training, using: &unused) }
      return readout(h).reshaped([batchSize * length, vocabulary])
    }
    for _ in 0..<400 {
      let (inputs, sorted) = batch()
      Loss.crossEntropy(logits: logits(inputs), labels: sorted).backward()
      optimizer.step(parameters)
    }
    let (inputs, sorted) = batch()
    let predicted = logits(inputs).scalars
    var correct = 0
    for row in 0..<(batchSize * length) {
      let scores = predicted[(row * vocabulary)..<((row + 1) * vocabulary)]
      if scores.firstIndex(of: scores.max() ?? 0).map({ $0 - row * vocabulary }) == sorted[row] { correct += 1 }
    }
    #expect(Double(correct) / Double(batchSize * length) > 0.9)
  }

  @Test func vaeReconstructsFarBetterThanUntrained() {
    var rng = SeededGenerator(seed: 43)
    let graphs = (0..<64).map { _ in GraphSample.randomNASBench101(using: &rng) }
    let batch = GraphBatch(graphs)
    let adjacency = GraphVariationalAutoencoder.symmetrized(batch)
    let model = GraphVariationalAutoencoder(labelCount: batch.labelCount, hiddenSize: 32, layerCount: 2, latentSize: 8, dropout: 0, using: &rng)
    let optimizer = Optimizer(Adam(), learningRate: 1e-2)
    func reconstruction() -> Float {
      withoutGradients { model.losses(batch, adjacency: adjacency, mode: .evaluation, using: &rng).reconstruction.scalar }
    }
    let untrained = reconstruction()
    for _ in 0..<150 {
      model.losses(batch, adjacency: adjacency, mode: .training, using: &rng).total.backward()
      GradientClipping.clip(model.parameters, maximumNorm: 5)
      optimizer.step(model.parameters)
    }
    #expect(reconstruction() < 0.4 * untrained)
  }
}
