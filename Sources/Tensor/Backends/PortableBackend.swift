/// A pure-Swift single-precision matrix multiply that needs no system library.
///
/// The kernel follows the usual blocked design (Goto and van de Geijn, 2008, "Anatomy of
/// high-performance matrix multiplication", ACM TOMS 34(3)): B is packed into 16-column
/// panels and A into 6-row panels for a block of `kc` inner-dimension steps, and a 6x16
/// register tile of accumulators (twelve 8-lane vectors) is updated with fused multiply-adds.
/// Packing reads through strides, so transposed operands cost nothing extra. The target is
/// built for x86-64-v3 (AVX2 + FMA), see `Package.swift`.
public struct PortableBackend: MatrixMultiplyBackend {
  /// Creates the portable backend; it has no state.
  public init() {}

  public var description: String { "portable" }

  public func multiply(_ problem: MatrixMultiplyProblem) {
    PortableKernel.run(problem)
  }
}

/// The blocked kernel behind `PortableBackend`.
enum PortableKernel {
  static let rowTile = 6
  static let columnTile = 16
  static let depthBlock = 256
  static let rowBlock = 120

  static func run(_ p: MatrixMultiplyProblem) {
    let (m, n, k) = (p.rows, p.columns, p.depth)
    guard m > 0, n > 0 else { return }
    scale(p)
    guard k > 0, p.alpha != 0 else { return }
    let panels = (n + columnTile - 1) / columnTile
    let packedB = UnsafeMutablePointer<Float>.allocate(capacity: panels * columnTile * depthBlock)
    let packedA = UnsafeMutablePointer<Float>.allocate(capacity: (rowBlock + rowTile) * depthBlock)
    defer {
      packedB.deallocate()
      packedA.deallocate()
    }
    var p0 = 0
    while p0 < k {
      let kc = min(depthBlock, k - p0)
      packB(p, depthStart: p0, depth: kc, into: packedB)
      var i0 = 0
      while i0 < m {
        let mc = min(rowBlock, m - i0)
        packA(p, rowStart: i0, rows: mc, depthStart: p0, depth: kc, into: packedA)
        var i = 0
        while i < mc {
          let rows = min(rowTile, mc - i)
          for panel in 0..<panels {
            let j = panel * columnTile
            let columns = min(columnTile, n - j)
            tile(
              depth: kc, a: packedA + i * kc, b: packedB + panel * columnTile * kc,
              c: p.c + (i0 + i) * p.ldc + j, ldc: p.ldc, rows: rows, columns: columns,
              alpha: p.alpha)
          }
          i += rowTile
        }
        i0 += mc
      }
      p0 += kc
    }
  }

  /// C = beta * C, once before accumulation (beta = 0 overwrites, so NaNs in C do not leak).
  private static func scale(_ p: MatrixMultiplyProblem) {
    if p.beta == 1 { return }
    for i in 0..<p.rows {
      let row = p.c + i * p.ldc
      if p.beta == 0 {
        row.update(repeating: 0, count: p.columns)
      } else {
        for j in 0..<p.columns { row[j] *= p.beta }
      }
    }
  }

  /// Packs B[p0..<p0+kc, :] into panels laid out as [panel][depth][16], zero-padded.
  private static func packB(
    _ p: MatrixMultiplyProblem, depthStart p0: Int, depth kc: Int,
    into out: UnsafeMutablePointer<Float>
  ) {
    let n = p.columns
    let panels = (n + columnTile - 1) / columnTile
    // Element (row r, column j) of op(B) lives at b[r*rs + j*cs].
    let (rs, cs) = p.transposeB ? (1, p.ldb) : (p.ldb, 1)
    for panel in 0..<panels {
      let j0 = panel * columnTile
      let width = min(columnTile, n - j0)
      let dst = out + panel * columnTile * kc
      for r in 0..<kc {
        let src = p.b + (p0 + r) * rs + j0 * cs
        let row = dst + r * columnTile
        if cs == 1 {
          row.update(from: src, count: width)
        } else {
          for j in 0..<width { row[j] = src[j * cs] }
        }
        if width < columnTile { (row + width).update(repeating: 0, count: columnTile - width) }
      }
    }
  }

  /// Packs A[i0..<i0+mc, p0..<p0+kc] into panels laid out as [panel][depth][6], zero-padded.
  private static func packA(
    _ p: MatrixMultiplyProblem, rowStart i0: Int, rows mc: Int, depthStart p0: Int, depth kc: Int,
    into out: UnsafeMutablePointer<Float>
  ) {
    let (rs, cs) = p.transposeA ? (1, p.lda) : (p.lda, 1)
    var i = 0
    while i < mc {
      let height = min(rowTile, mc - i)
      let dst = out + i * kc
      for r in 0..<height {
        let src = p.a + (i0 + i + r) * rs + p0 * cs
        for q in 0..<kc { dst[q * rowTile + r] = src[q * cs] }
      }
      for r in height..<rowTile {
        for q in 0..<kc { dst[q * rowTile + r] = 0 }
      }
      i += rowTile
    }
  }

  /// C[rows, columns] += alpha * Apanel · Bpanel for one 6x16 register tile.
  @inline(__always)
  private static func tile(
    depth kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, alpha: Float
  ) {
    typealias V = SIMD8<Float>
    var c00 = V()
    var c01 = V()
    var c10 = V()
    var c11 = V()
    var c20 = V()
    var c21 = V()
    var c30 = V()
    var c31 = V()
    var c40 = V()
    var c41 = V()
    var c50 = V()
    var c51 = V()
    let braw = UnsafeRawPointer(b)
    for q in 0..<kc {
      let b0 = braw.loadUnaligned(fromByteOffset: q * 64, as: V.self)
      let b1 = braw.loadUnaligned(fromByteOffset: q * 64 + 32, as: V.self)
      let ap = a + q * 6
      var s = V(repeating: ap[0])
      c00.addProduct(s, b0)
      c01.addProduct(s, b1)
      s = V(repeating: ap[1])
      c10.addProduct(s, b0)
      c11.addProduct(s, b1)
      s = V(repeating: ap[2])
      c20.addProduct(s, b0)
      c21.addProduct(s, b1)
      s = V(repeating: ap[3])
      c30.addProduct(s, b0)
      c31.addProduct(s, b1)
      s = V(repeating: ap[4])
      c40.addProduct(s, b0)
      c41.addProduct(s, b1)
      s = V(repeating: ap[5])
      c50.addProduct(s, b0)
      c51.addProduct(s, b1)
    }
    let accumulators = [(c00, c01), (c10, c11), (c20, c21), (c30, c31), (c40, c41), (c50, c51)]
    _ = accumulators
    let scale = V(repeating: alpha)
    @inline(__always) func store(_ row: Int, _ lo: V, _ hi: V) {
      guard row < rows else { return }
      let dst = c + row * ldc
      if columns == 16 {
        let raw = UnsafeMutableRawPointer(dst)
        let old0 = raw.loadUnaligned(as: V.self)
        let old1 = raw.loadUnaligned(fromByteOffset: 32, as: V.self)
        raw.storeBytes(of: old0.addingProduct(scale, lo), as: V.self)
        raw.storeBytes(of: old1.addingProduct(scale, hi), toByteOffset: 32, as: V.self)
      } else {
        for j in 0..<columns {
          dst[j] += alpha * (j < 8 ? lo[j] : hi[j - 8])
        }
      }
    }
    store(0, c00, c01)
    store(1, c10, c11)
    store(2, c20, c21)
    store(3, c30, c31)
    store(4, c40, c41)
    store(5, c50, c51)
  }
}
