extension Array where Element: Comparable {
  /// The position of `value` in this array sorted ascending without duplicates (pool keys),
  /// or `nil` when absent.
  ///
  /// - Precondition: the array is sorted ascending (checked when the table is loaded).
  /// - Complexity: O(log n).
  func sortedIndex(of value: Element) -> Int? {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < count && self[low] == value ? low : nil
  }
}
