/// The wall-clock time of jobs run the way `SuiteRunner` runs trials: in list order, each
/// worker taking the next job as soon as it is free.
public enum GreedySchedule {
  /// The time at which the last of `durations` ends on `workers` workers, all starting at 0.
  ///
  /// - Precondition: `workers >= 1`; durations are not negative.
  /// - Complexity: O(n log w) for n jobs on w workers.
  public static func makespan(_ durations: [Double], workers: Int) -> Double {
    precondition(workers >= 1, "at least one worker")
    guard !durations.isEmpty else { return 0 }
    // A binary min-heap of the times at which each worker is next free.
    var free = [Double](repeating: 0, count: min(workers, durations.count))
    var end = 0.0
    for duration in durations {
      precondition(duration >= 0, "negative duration \(duration)")
      let finish = free[0] + duration
      end = max(end, finish)
      free[0] = finish
      siftDown(&free)
    }
    return end
  }

  private static func siftDown(_ heap: inout [Double]) {
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count, heap[left] < heap[smallest] { smallest = left }
      if right < heap.count, heap[right] < heap[smallest] { smallest = right }
      if smallest == parent { return }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
