#if canImport(Glibc)
  import Glibc
#endif

/// Keeps freed tensor buffers in the process instead of returning them to the kernel.
///
/// glibc serves blocks above its mmap threshold (128 KiB at first) with fresh mappings and
/// trims the heap top above 128 KiB of free space. A training step frees and reallocates the
/// same buffer sizes every step (a 224 x 128 activation is 112 KiB, a GCN batch 1.4 MiB), so
/// each step paid page faults and zero-filled pages for memory it had just released (3-4 % of a
/// GIN VAE epoch in page-fault handling). Raising both thresholds once makes those buffers come
/// back from the heap. Memory stays at the peak a run has reached; buffers above 32 MiB are
/// still mapped and unmapped.
enum AllocatorTuning {
  /// Applies the tuning on first use (thread-safe: a global initialiser runs once).
  static let applied: Bool = {
    #if canImport(Glibc)
      // `mallopt` lives in <malloc.h>, which the Glibc module does not export; it is looked
      // up at run time (absent on other C libraries, where nothing changes).
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let (trimThreshold, mmapThreshold): (Int32, Int32) = (-1, -3)  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
      return mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 512 << 20) == 1
    #else
      return false
    #endif
  }()
}
