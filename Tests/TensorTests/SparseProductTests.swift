import Randomness
import Tensor
import Testing

/// The CSR matrix and its product with dense features: structure, finite differences, the
/// dense product it equals, and a graph of 10,000 nodes.
@Suite struct SparseProductTests {
  /// A random `rows x columns` matrix with about `density` of its entries stored.
  static func matrix(rows: Int, columns: Int, density: Double, seed: UInt64) -> SparseMatrix {
    var rng = SeededGenerator(seed: seed)
    var entries: [(row: Int, column: Int, value: Float)] = []
    for i in 0..<rows {
      for j in 0..<columns where rng.nextUnit() < density { entries.append((i, j, Float(rng.nextUnit() * 2 - 1))) }
    }
    return SparseMatrix(rowCount: rows, columnCount: columns, entries: entries)
  }
}

extension SparseProductTests {
  @Test func entriesInAnyOrderBuildSortedRowsAndAddDuplicates() {
    let matrix = SparseMatrix(
      rowCount: 3, columnCount: 4, entries: [(2, 1, 1), (0, 3, 2), (0, 1, 3), (2, 1, 0.5), (0, 0, -1)])
    #expect(matrix.rowPointers == [0, 3, 3, 4])
    #expect(matrix.columnIndices == [0, 1, 3, 1])
    #expect(matrix.values == [-1, 3, 2, 1.5])
    #expect(matrix.dense().scalars == [-1, 3, 0, 2, 0, 0, 0, 0, 0, 1.5, 0, 0])
    let transposed = matrix.transposed()
    #expect(transposed.rowCount == 4 && transposed.columnCount == 3)
    #expect(transposed.dense().scalars == matrix.dense().transposed().scalars)
  }

  @Test func sparseProductMatchesFiniteDifferences() {
    let matrix = Self.matrix(rows: 5, columns: 6, density: 0.4, seed: 1)
    let inputs = makeInputs([[matrix.nonzeroCount], [6, 3]], seed: 2)
    let error = GradientCheck.maximumRelativeError(inputs: inputs, step: 1e-2) {
      Tensor.sparseProduct(matrix, values: $0[0], $0[1])
    }
    #expect(error < 1e-2)
  }

  @Test func sparseProductEqualsTheDenseProductWithItsGradients() {
    let matrix = Self.matrix(rows: 9, columns: 7, density: 0.3, seed: 3)
    let sparseValues = Tensor(shape: [matrix.nonzeroCount], scalars: matrix.values, requiresGradient: true)
    let sparseX = makeInputs([[7, 11]], seed: 4)[0]
    let denseA = Tensor(shape: [9, 7], scalars: matrix.dense().scalars, requiresGradient: true)
    let denseX = makeInputs([[7, 11]], seed: 4)[0]
    let sparse = Tensor.sparseProduct(matrix, values: sparseValues, sparseX)
    let dense = Tensor.matmul(denseA, denseX)
    #expect(sparse.shape == [9, 11])
    #expect(maximumDifference(sparse.scalars, dense.scalars) < 1e-5)
    let seed = makeInputs([[9, 11]], seed: 5)[0].detached()
    sparse.backward(seed: seed)
    dense.backward(seed: seed)
    #expect(maximumDifference(sparseX.gradient?.scalars ?? [], denseX.gradient?.scalars ?? []) < 1e-5)
    // The value gradients are the dense matrix gradient at the stored positions.
    let denseGradient = denseA.gradient?.scalars ?? []
    var stored: [Float] = []
    for i in 0..<9 {
      for k in matrix.rowPointers[i]..<matrix.rowPointers[i + 1] { stored.append(denseGradient[i * 7 + matrix.columnIndices[k]]) }
    }
    #expect(maximumDifference(sparseValues.gradient?.scalars ?? [], stored) < 1e-5)
    // The overload without a values tensor gives the same product.
    #expect(Tensor.sparseProduct(matrix, sparseX.detached()).scalars == sparse.scalars)
  }

  @Test func tenThousandNodesWithTenNeighboursAggregateExactly() {
    let (nodes, neighbours, width) = (10_000, 10, 64)
    var rng = SeededGenerator(seed: 6)
    var entries: [(row: Int, column: Int, value: Float)] = []
    for i in 0..<nodes {
      for k in 1...neighbours { entries.append((i, (i + k * 997) % nodes, 1 / Float(neighbours))) }
    }
    let matrix = SparseMatrix(rowCount: nodes, columnCount: nodes, entries: entries)
    #expect(matrix.nonzeroCount == nodes * neighbours)
    let x = Tensor(randomNormal: [nodes, width], requiresGradient: true, using: &rng)
    let y = Tensor.sparseProduct(matrix, x)
    y.sum().backward()
    let (values, output, gradient) = (x.scalars, y.scalars, x.gradient?.scalars ?? [])
    for i in [0, 4_321, 9_999] {
      for f in [0, 33, 63] {
        let expected = (1...neighbours).reduce(Float(0)) { $0 + values[((i + $1 * 997) % nodes) * width + f] } / Float(neighbours)
        #expect(Swift.abs(output[i * width + f] - expected) < 1e-5)
      }
    }
    // Every node is the neighbour of exactly ten others, so each gradient entry is 10 x 1/10.
    #expect(gradient.count == nodes * width && gradient.allSatisfy { Swift.abs($0 - 1) < 1e-5 })
  }
}
