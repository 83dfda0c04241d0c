#if canImport(Glibc)
  import Glibc
#endif

/// OpenBLAS's `cblas_sgemm`, loaded with `dlopen` at run time so nothing is linked at build time.
///
/// Loading sets OpenBLAS to one thread: trials run in parallel across cores, and two trials
/// each using two BLAS threads were measured slower than running them one after the other.
/// The library's kernels are chosen by OpenBLAS for the CPU (`OPENBLAS_CORETYPE` overrides),
/// and `coreName` reports which, for the run manifest.
public struct OpenBLASBackend: MatrixMultiplyBackend, @unchecked Sendable {
  // The C function pointers are immutable after loading and OpenBLAS's sgemm is reentrant,
  // hence `@unchecked Sendable`.
  private typealias SGEMM =
    @convention(c) (
      Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
      UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32
    ) -> Void
  private typealias SetThreads = @convention(c) (Int32) -> Void
  private typealias CoreName = @convention(c) () -> UnsafePointer<CChar>?

  private let sgemm: SGEMM
  /// The OpenBLAS kernel family in use, e.g. `SkylakeX` or `Haswell`.
  public let coreName: String
  /// The library name or path that `dlopen` accepted.
  public let libraryPath: String

  /// Library names tried in order.
  public static let candidatePaths = [
    "libopenblas.so.0", "libopenblas.so", "libopenblasp.so.0",
    "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
  ]

  /// The process-wide loaded library, or `nil` when OpenBLAS is not installed.
  public static let shared: OpenBLASBackend? = load()

  public var description: String { "openblas (\(coreName)), 1 thread" }

  private init(sgemm: SGEMM, coreName: String, libraryPath: String) {
    self.sgemm = sgemm
    self.coreName = coreName
    self.libraryPath = libraryPath
  }

  private static func load() -> OpenBLASBackend? {
    suggestCoreType()
    for path in candidatePaths {
      guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { continue }
      guard let sgemmSymbol = dlsym(handle, "cblas_sgemm") else { continue }
      if let threads = dlsym(handle, "openblas_set_num_threads") {
        unsafeBitCast(threads, to: SetThreads.self)(1)
      }
      var core = "unknown core"
      if let nameSymbol = dlsym(handle, "openblas_get_corename"),
        let name = unsafeBitCast(nameSymbol, to: CoreName.self)()
      {
        core = String(cString: name)
      }
      return OpenBLASBackend(
        sgemm: unsafeBitCast(sgemmSymbol, to: SGEMM.self), coreName: core, libraryPath: path)
    }
    return nil
  }

  /// Sets `OPENBLAS_CORETYPE` (unless the user did) from the CPU flags, before the library
  /// loads: OpenBLAS 0.3.21 does not recognise newer Xeons (e.g. model 207) and falls back to
  /// its Prescott kernels, about 15 times slower than its AVX-512 ones.
  private static func suggestCoreType() {
    guard getenv("OPENBLAS_CORETYPE") == nil, let file = fopen("/proc/cpuinfo", "r") else { return }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    var flags: Set<Substring> = []
    while getline(&line, &capacity, file) > 0, let text = line {
      let entry = String(cString: text)
      guard entry.hasPrefix("flags") else { continue }
      flags = Set(entry.split(separator: " ").map { $0.split(separator: "\n").first ?? $0 })
      break
    }
    if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"]) {
      setenv("OPENBLAS_CORETYPE", "SkylakeX", 0)
    } else if flags.isSuperset(of: ["avx2", "fma"]) {
      setenv("OPENBLAS_CORETYPE", "Haswell", 0)
    }
  }

  public func multiply(_ p: MatrixMultiplyProblem) {
    guard p.rows > 0, p.columns > 0 else { return }
    let rowMajor: Int32 = 101
    let noTranspose: Int32 = 111
    let transpose: Int32 = 112
    sgemm(
      rowMajor, p.transposeA ? transpose : noTranspose, p.transposeB ? transpose : noTranspose,
      Int32(p.rows), Int32(p.columns), Int32(p.depth), p.alpha, p.a, Int32(max(p.lda, 1)), p.b,
      Int32(max(p.ldb, 1)), p.beta, p.c, Int32(max(p.ldc, 1)))
  }
}
