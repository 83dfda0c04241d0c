import NeuralNetworks
import Randomness
import Tensor
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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
}
