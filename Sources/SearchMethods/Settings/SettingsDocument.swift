/// The settings reference (`docs/SETTINGS.md`), written from the methods' declarations.
///
/// `nasarena methods --markdown` prints it; a test checks that the committed file equals it,
/// so the documentation cannot drift from the code.
public enum SettingsDocument {
  /// Markdown with one section per method: its abstract and a table of key, default, accepted
  /// values and meaning.
  public static func markdown(for entries: [MethodEntry]) -> String {
    var text = """
      # Method settings

      Written by `nasarena methods --markdown` from each method's settings declaration
      (`Settings.schema`); do not edit by hand. A suite sets them under `settings:` of a method;
      every key left out takes its default. Values outside the accepted range, non-finite
      numbers and unknown keys are refused when the suite is loaded, with file, line and key.

      """
    for entry in entries {
      text += "\n## `\(entry.name)`\n\n\(entry.abstract)\n\n"
      if let note = entry.reconstruction { text += "**Reconstruction:** \(note).\n\n" }
      guard !entry.help.isEmpty else {
        text += "No settings.\n"
        continue
      }
      text += "| key | default | accepted | meaning |\n|---|---|---|---|\n"
      for (help, variation) in zip(entry.help, entry.settingVariations) {
        let note = variation.sameTrajectory.map { " (does not change which architectures are queried: \($0))" } ?? ""
        text += "| `\(help.key)` | `\(help.defaultValue)` | \(help.allowed) | \(help.meaning)\(note) |\n"
      }
    }
    return text
  }
}
