import SearchSpaces

/// Encodings are a setting of the learned methods (`weaknas`, `bananas`).
extension EncodingKind: SettingChoice {}

extension EncodingKind {
  /// Throws unless `space` provides this encoding (a method's `check(_:against:)`).
  func requireProvided(by space: any SearchSpace, key: String = "encoding") throws {
    guard space.encodings.contains(self) else {
      throw MethodSettingsError.invalidValue(
        key: key, value: rawValue,
        expected: "an encoding that \(space.name) provides (\(space.encodings.map(\.rawValue).joined(separator: ", ")))", path: [key])
    }
  }
}
