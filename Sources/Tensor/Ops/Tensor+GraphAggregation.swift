/// The neighbourhood aggregation of a graph isomorphism network as one op.
extension Tensor {
  /// `(1 + epsilon) h + A h` for each graph, GIN's aggregation (Xu et al. 2019, "How Powerful
  /// are Graph Neural Networks?", <https://arxiv.org/abs/1810.00826>), as one op with one
  /// buffer and one tape node instead of a sum, a broadcast product, a batched matrix product
  /// and a sum.
  ///
  /// Each row of the result accumulates the rows of `h` scaled by the non-zero entries of its
  /// adjacency row, in column order (as `SmallMatrixKernel` does), then adds `(1 + epsilon) h`,
  /// so it equals `h * (epsilon + 1) + Tensor.matmul(adjacency, h)` when that product runs in
  /// the small-matrix kernel. Zero adjacency entries are skipped, so a non-finite feature
  /// facing a zero entry does not reach the result.
  ///
  /// - Parameters:
  ///   - h: `[graphs, nodes, features]` node features.
  ///   - adjacency: `[graphs, nodes, nodes]`, the weight of `h[g, j]` in row `i` at `[g, i, j]`.
  ///   - epsilon: `[1]`, the learned self weight offset.
  /// - Returns: `[graphs, nodes, features]`.
  public static func ginAggregation(_ h: Tensor, adjacency: Tensor, epsilon: Tensor) -> Tensor {
    precondition(h.rank == 3, "ginAggregation: features must be [graphs, nodes, features], got \(h.shape)")
    let (graphs, nodes, width) = (h.shape[0], h.shape[1], h.shape[2])
    precondition(
      adjacency.shape == [graphs, nodes, nodes],
      "ginAggregation: adjacency \(adjacency.shape) must be [\(graphs), \(nodes), \(nodes)] for features \(h.shape)")
    precondition(epsilon.count == 1, "ginAggregation: epsilon must have one element, got shape \(epsilon.shape)")
    let selfWeight = epsilon.pointer[0] + 1
    let storage = allocate(h.shape)
    let (x, a, y) = (h.pointer, adjacency.pointer, storage.base)
    for g in 0..<graphs {
      let (xg, ag, yg) = (x + g * nodes * width, a + g * nodes * nodes, y + g * nodes * width)
      for i in 0..<nodes {
        let row = yg + i * width
        row.update(repeating: 0, count: width)
        for j in 0..<nodes {
          let weight = ag[i * nodes + j]
          if weight == 0 { continue }
          let source = xg + j * width
          for f in 0..<width { row[f] += weight * source[f] }
        }
        let own = xg + i * width
        for f in 0..<width { row[f] = own[f] * selfWeight + row[f] }
      }
    }
    return result(shape: h.shape, storage: storage, inputs: [h, adjacency, epsilon]) { d in
      if epsilon.requiresGradient {  // d(epsilon) = Σ d ⊙ h
        // Eight lanes (a scalar chain would serialise on the add latency), then the tail.
        var lanes = SIMD8<Float>()
        let whole = h.count / 8 * 8
        for i in stride(from: 0, to: whole, by: 8) {
          let left = UnsafeRawPointer(d + i).loadUnaligned(as: SIMD8<Float>.self)
          let right = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
          lanes += left * right
        }
        var total = lanes.sum()
        for i in whole..<h.count { total += d[i] * x[i] }
        let (ge, fresh) = epsilon.gradientDestination()
        ge[0] = fresh ? total : ge[0] + total
      }
      if adjacency.requiresGradient {  // dA[g, i, j] = d[g, i] · h[g, j]
        let (ga, fresh) = adjacency.gradientDestination()
        for g in 0..<graphs {
          let (xg, dg, gag) = (x + g * nodes * width, d + g * nodes * width, ga + g * nodes * nodes)
          for i in 0..<nodes {
            for j in 0..<nodes {
              let (left, right) = (dg + i * width, xg + j * width)
              var total: Float = 0
              for f in 0..<width { total += left[f] * right[f] }
              gag[i * nodes + j] = fresh ? total : gag[i * nodes + j] + total
            }
          }
        }
      }
      guard h.requiresGradient else { return }
      // dh[g, j] = (1 + epsilon) d[g, j] + Σ_i A[g, i, j] d[g, i]; a fresh buffer is written.
      let (gh, fresh) = h.gradientDestination()
      for g in 0..<graphs {
        let (dg, ag, ghg) = (d + g * nodes * width, a + g * nodes * nodes, gh + g * nodes * width)
        for j in 0..<nodes {
          let row = ghg + j * width
          let own = dg + j * width
          if fresh {
            for f in 0..<width { row[f] = own[f] * selfWeight }
          } else {
            for f in 0..<width { row[f] += own[f] * selfWeight }
          }
          for i in 0..<nodes {
            let weight = ag[i * nodes + j]
            if weight == 0 { continue }
            let source = dg + i * width
            for f in 0..<width { row[f] += weight * source[f] }
          }
        }
      }
    }
  }
}
