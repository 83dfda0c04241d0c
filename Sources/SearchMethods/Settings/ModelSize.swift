/// The memory bound of a learned method's model: its hidden-to-hidden weights (an MLP's, summed
/// over ensemble members, or a GCN's), checked by the settings' `validate()`.
enum ModelSize {
  /// At most this many hidden-to-hidden weights (about 1.6 GB with Adam's state in `Float`).
  static let maximumWeights = 100_000_000

  /// Throws unless `members` MLPs with `hiddenSizes` stay within `maximumWeights`.
  static func requireBounded(_ hiddenSizes: [Int], members: Int, key: String) throws {
    let weights = members * zip(hiddenSizes, hiddenSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
    guard weights <= maximumWeights else {
      throw MethodSettingsError.invalidValue(
        key: key, value: "\(hiddenSizes.count) layers of up to \(hiddenSizes.max() ?? 0)",
        expected: "at most \(maximumWeights) hidden weights in all (these settings need \(weights))", path: [key])
    }
  }
}
