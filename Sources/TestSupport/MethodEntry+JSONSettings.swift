import Foundation
import SearchMethods

extension MethodEntry {
  /// Settings decoded from a JSON object through the same path a suite's `settings:` block
  /// takes (unknown keys rejected, `validate()` run), for tests that need small models.
  public func settings(json: String) throws -> any MethodSettings {
    let decoder = JSONDecoder()
    decoder.userInfo[SettingsCapture.entryKey] = self
    return try decoder.decode(SettingsCapture.self, from: Data(json.utf8)).settings
  }
}

private struct SettingsCapture: Decodable {
  // swift-format-ignore: NeverForceUnwrap
  // A non-empty literal raw value always makes a key.
  static let entryKey = CodingUserInfoKey(rawValue: "nasarena.testSupport.entry")!
  let settings: any MethodSettings

  init(from decoder: any Decoder) throws {
    guard let entry = decoder.userInfo[Self.entryKey] as? MethodEntry else {
      throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no method entry in userInfo"))
    }
    settings = try entry.settings(from: decoder)
  }
}
