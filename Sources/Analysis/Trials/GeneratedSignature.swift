import Results

/// The token frequencies of what one method generated on one task, per round and over all
/// rounds, against the task's true top 1 % and its whole domain.
///
/// Frequencies pool the token counts of every trial's generation line of the round (counts
/// are summed, then each position's row is divided by its sum), so a trial that generated
/// more cells weighs more. Distances compare two frequency tables position by position:
///
/// - total variation: the mean over positions of 1/2 sum over tokens |p - q|, in [0, 1];
/// - KL(top || generated): the mean over positions of sum over tokens p log(p / q) in nats,
///   where p is the top-1 % frequency and q the generated frequency smoothed by adding
///   `smoothing` (0.5) to every generated token count, so a token the generator never
///   produced gives a large but finite value.
public struct GeneratedSignature: Hashable, Sendable {
  /// The generated frequencies of one round, or of all rounds pooled.
  public struct Round: Hashable, Sendable {
    /// The step (batch number, from 0), or `nil` for all rounds pooled.
    public var batch: Int?
    /// Trials whose lines were pooled.
    public var trials: Int
    /// Generated cells counted (cells with tokens), summed over those trials.
    public var cells: Int
    /// Per position and token, the generated frequency: `[positions][tokens]`.
    public var frequencies: [[Double]]
    /// Total variation distance to the top-1 % frequencies.
    public var distanceToTop: Double
    /// Total variation distance to the domain frequencies.
    public var distanceToDomain: Double
    /// KL(top || generated), smoothed as the type describes.
    public var divergenceFromTop: Double
  }

  /// Task name.
  public var task: String
  /// Method label.
  public var method: String
  /// The task's reference frequencies (domain and top 1 %).
  public var reference: TokenSignature
  /// One entry per round with token counts, by batch.
  public var rounds: [Round]
  /// Every round pooled.
  public var pooled: Round

  /// Count added to every generated token count before KL is computed.
  public static let smoothing = 0.5

  /// One signature per (task, method) whose generation lines carry token counts of the task
  /// signature's shape, tasks in the order of `tasks`, methods in the order of `methods`
  /// (labels not listed follow, sorted). Tasks without a signature (older task records),
  /// lines without token counts and rounds that counted no cell are left out.
  ///
  /// - Complexity: O(records x total tokens).
  public static func all(tasks: [TaskRecord], methods: [String], records: [GenerationRecord]) -> [GeneratedSignature] {
    let byTask = Dictionary(grouping: records, by: \.task)
    return tasks.flatMap { task -> [GeneratedSignature] in
      guard let reference = task.signature else { return [] }
      let usable = (byTask[task.name] ?? []).filter { reference.matches($0.tokenCounts) && cellCount($0.tokenCounts) > 0 }
      let byMethod = Dictionary(grouping: usable, by: \.method)
      let order = methods.filter { byMethod[$0] != nil } + Set(byMethod.keys).subtracting(methods).sorted()
      return order.compactMap { method in
        guard let lines = byMethod[method] else { return nil }
        let rounds = Dictionary(grouping: lines, by: \.batch).sorted { $0.key < $1.key }.map { batch, group in
          Round(batch: batch, lines: group, reference: reference)
        }
        return GeneratedSignature(
          task: task.name, method: method, reference: reference, rounds: rounds,
          pooled: Round(batch: nil, lines: lines, reference: reference))
      }
    }
  }

  /// The total variation distance between two frequency tables of the same shape: the mean
  /// over positions of 1/2 sum |p - q| (0 with no position).
  ///
  /// - Precondition: `p` and `q` have the same shape.
  public static func totalVariation(_ p: [[Double]], _ q: [[Double]]) -> Double {
    precondition(p.map(\.count) == q.map(\.count), "frequency tables of shapes \(p.map(\.count)) and \(q.map(\.count))")
    guard !p.isEmpty else { return 0 }
    let sum = zip(p, q).reduce(0.0) { total, rows in
      total + 0.5 * zip(rows.0, rows.1).reduce(0.0) { $0 + abs($1.0 - $1.1) }
    }
    return sum / Double(p.count)
  }

  /// KL(reference || counts): the mean over positions of sum p log(p / q), q the row of
  /// `counts` with `smoothing` added to every entry, then normalised (0 with no position).
  ///
  /// - Precondition: `reference` and `counts` have the same shape.
  public static func divergence(from reference: [[Double]], toCounts counts: [[Int]]) -> Double {
    precondition(reference.map(\.count) == counts.map(\.count), "tables of shapes \(reference.map(\.count)) and \(counts.map(\.count))")
    guard !reference.isEmpty else { return 0 }
    let sum = zip(reference, counts).reduce(0.0) { total, rows in
      let (p, row) = rows
      let mass = Double(row.reduce(0, +)) + smoothing * Double(row.count)
      return total
        + zip(p, row).reduce(0.0) { partial, entry in
          entry.0 > 0 ? partial + entry.0 * naturalLog(entry.0 * mass / (Double(entry.1) + smoothing)) : partial
        }
    }
    return sum / Double(reference.count)
  }

  /// Cells counted in a token-count table: its first row's sum (every row sums to it).
  static func cellCount(_ counts: [[Int]]) -> Int { counts.first?.reduce(0, +) ?? 0 }
}

extension GeneratedSignature.Round {
  /// The round pooled from `lines` (all of `reference`'s shape).
  init(batch: Int?, lines: [GenerationRecord], reference: TokenSignature) {
    var counts = reference.positions.map { [Int](repeating: 0, count: $0.tokens.count) }
    for line in lines {
      for (position, row) in line.tokenCounts.enumerated() {
        for (token, count) in row.enumerated() { counts[position][token] += count }
      }
    }
    let frequencies = TokenSignature.frequencies(counts)
    self.init(
      batch: batch, trials: Set(lines.map(\.trial)).count, cells: GeneratedSignature.cellCount(counts),
      frequencies: frequencies,
      distanceToTop: GeneratedSignature.totalVariation(frequencies, reference.topFrequencies),
      distanceToDomain: GeneratedSignature.totalVariation(frequencies, reference.domainFrequencies),
      divergenceFromTop: GeneratedSignature.divergence(from: reference.topFrequencies, toCounts: counts))
  }
}
