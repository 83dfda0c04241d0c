import Randomness
import Tensor
import Testing

/// Batched products with a tiny left operand run in the small-matrix kernel, not the backend;
/// the matmul gradient checks cover every transposition, this checks values on sparse input.
@Suite struct SmallMatrixKernelTests {
  @Test func smallBatchedProductsEqualTheBackendsSparseOrNot() {
    // [8, 9, 9] sparse "adjacencies" times [8, 9, 40] features run in the small-matrix kernel;
    // the same products one graph at a time go to the backend.
    var inputs = makeInputs([[8, 9, 9], [8, 9, 40]], seed: 11)
    let sparse = inputs[0].scalars.map { $0 > 0.3 ? $0 : 0 }
    inputs[0] = Tensor(shape: [8, 9, 9], scalars: sparse)
    let batched = Tensor.matmul(inputs[0], inputs[1])
    let transposed = Tensor.matmul(inputs[0], inputs[1], transposeA: true)
    for g in 0..<8 {
      #expect(maximumDifference(batched[g].scalars, Tensor.matmul(inputs[0][g], inputs[1][g]).scalars) < 1e-5)
      let single = Tensor.matmul(inputs[0][g], inputs[1][g], transposeA: true)
      #expect(maximumDifference(transposed[g].scalars, single.scalars) < 1e-5)
    }
  }
}
