/// "Did you mean" suggestions for misspelt names and keys.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance, when it is close enough to be a
  /// plausible misspelling (at most a third of the word's length, and at most 3 edits).
  ///
  /// - Complexity: O(candidates x |word| x |candidate|).
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let limit = min(3, max(1, word.count / 3))
    var best: (String, Int)?
    for candidate in candidates {
      // A misspelt or shortened key: compare with the whole candidate and with its prefix.
      let whole = editDistance(word.lowercased(), candidate.lowercased())
      let prefix = editDistance(word.lowercased(), String(candidate.lowercased().prefix(word.count))) + 1
      let distance = min(whole, prefix)
      if distance <= limit, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
    }
    return best?.0
  }

  /// Levenshtein distance between two strings.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
