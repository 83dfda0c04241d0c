#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pool of processor cores that nothing else uses, lent to matrix products one call at a
/// time (see ``SplittingBackend``).
///
/// Cores enter the pool with `donate(_:)`: the suite runner donates a worker's core when the
/// suite's tail leaves it idle. Each donated core is served by one persistent helper thread,
/// started on first use and stopped when the pool is released; a product borrows helpers for
/// the duration of one call and gives them back, so no thread is created per call.
///
/// Every stored property is guarded by `lock` (the helpers synchronise themselves), hence
/// `@unchecked Sendable`.
public final class SpareCores: @unchecked Sendable {
  private let lock = PthreadLock()
  /// Donated cores whose helper is not lent out.
  private var spare = 0
  /// Helpers started and not lent out (at most `spare` are lent at once).
  private var idle: [Helper] = []
  private var started: [Helper] = []
  private var shared = 0

  /// Creates an empty pool.
  public init() {}

  deinit {
    for helper in started { helper.stop() }
  }

  /// Adds `cores` (at least 0) free cores to the pool.
  public func donate(_ cores: Int) {
    precondition(cores >= 0, "SpareCores.donate: negative core count \(cores)")
    lock.withLock { spare += cores }
  }

  /// Donated cores not lent out at the moment.
  public var available: Int { lock.withLock { spare } }

  /// Matrix products that used at least one donated core so far.
  public var sharedProducts: Int { lock.withLock { shared } }

  /// Up to `count` helpers, each standing for one donated core; empty when none is spare.
  func borrow(upTo count: Int) -> [Helper] {
    lock.withLock {
      let taken = min(count, spare)
      guard taken > 0 else { return [] }
      spare -= taken
      shared += 1
      var helpers: [Helper] = []
      for _ in 0..<taken {
        if let helper = idle.popLast() {
          helpers.append(helper)
        } else {
          let helper = Helper()
          started.append(helper)
          helpers.append(helper)
        }
      }
      return helpers
    }
  }

  /// Returns helpers from `borrow(upTo:)`, after each has finished its work.
  func giveBack(_ helpers: [Helper]) {
    lock.withLock {
      idle += helpers
      spare += helpers.count
    }
  }
}

// MARK: - Helper threads

extension SpareCores {
  /// One persistent thread that runs one matrix product at a time for a borrower.
  ///
  /// `state`, `backend` and `problem` are only touched under `lock`, and a borrower posts
  /// work only to a helper it holds alone, hence `@unchecked Sendable`. The problem's pointers
  /// stay valid because the borrower waits in `finish()` before it returns.
  final class Helper: @unchecked Sendable {
    private enum State { case idle, posted, finished, stopping }
    private let lock = PthreadLock()
    private let wake = PthreadCondition()
    private var state = State.idle
    private var backend: (any MatrixMultiplyBackend)?
    private var problem: MatrixMultiplyProblem?
    private var thread: pthread_t?

    init() {
      #if canImport(Glibc)
        var created = pthread_t()
      #else
        var created: pthread_t?
      #endif
      let context = Unmanaged.passRetained(self).toOpaque()
      let status = pthread_create(
        &created, nil,
        { context in
          // The thread holds the helper until its loop ends (`stop()`).
          guard let context else { return nil }
          Unmanaged<Helper>.fromOpaque(context).takeRetainedValue().serve()
          return nil
        }, context)
      precondition(status == 0, "SpareCores: pthread_create failed with \(status)")
      thread = created
    }

    /// Starts `backend.multiply(problem)` on the helper's thread.
    func start(_ problem: MatrixMultiplyProblem, on backend: any MatrixMultiplyBackend) {
      lock.withLock {
        precondition(state == .idle, "SpareCores.Helper.start: helper busy")
        self.problem = problem
        self.backend = backend
        state = .posted
        wake.broadcast()
      }
    }

    /// Waits until the product started last has been computed.
    func finish() {
      lock.withLock {
        while state != .finished { wake.wait(lock) }
        state = .idle
        problem = nil
        backend = nil
      }
    }

    /// Ends the thread once it is idle, and waits for it.
    func stop() {
      lock.withLock {
        while state == .posted { wake.wait(lock) }
        state = .stopping
        wake.broadcast()
      }
      if let thread { pthread_join(thread, nil) }
    }

    private func serve() {
      while true {
        let work: (MatrixMultiplyProblem, any MatrixMultiplyBackend)? = lock.withLock {
          while state != .posted && state != .stopping { wake.wait(lock) }
          guard state == .posted, let problem, let backend else { return nil }
          return (problem, backend)
        }
        guard let (problem, backend) = work else { return }
        backend.multiply(problem)
        lock.withLock {
          state = .finished
          wake.broadcast()
        }
      }
    }
  }
}

// MARK: - POSIX primitives

/// A heap-allocated `pthread_mutex_t` (its address must not move while in use).
final class PthreadLock: @unchecked Sendable {
  // The mutex itself is the synchronisation; the pointer never changes.
  let mutex: UnsafeMutablePointer<pthread_mutex_t>

  init() {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func withLock<Value>(_ body: () throws -> Value) rethrows -> Value {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}

/// A heap-allocated `pthread_cond_t`, used with one ``PthreadLock``.
final class PthreadCondition: @unchecked Sendable {
  // As for `PthreadLock`: the condition variable synchronises itself.
  private let condition: UnsafeMutablePointer<pthread_cond_t>

  init() {
    condition = .allocate(capacity: 1)
    condition.initialize(to: pthread_cond_t())
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    condition.deallocate()
  }

  /// Waits for a broadcast; call with `lock` held (inside `withLock`).
  func wait(_ lock: PthreadLock) {
    pthread_cond_wait(condition, lock.mutex)
  }

  func broadcast() {
    pthread_cond_broadcast(condition)
  }
}
