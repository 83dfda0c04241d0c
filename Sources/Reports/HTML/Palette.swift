/// Line colours and dash patterns that stay distinguishable for colour-blind readers.
///
/// The eight colours of Okabe and Ito, "Color Universal Design" (2008,
/// <https://jfly.uni-koeln.de/color/>), ordered so the first methods get the most contrasting
/// ones (their yellow darkened to read as a line on white); from the ninth method on, colours
/// repeat with a dash pattern.
enum Palette {
  /// Hex colours, in assignment order.
  static let colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#B8A100"]

  /// Dash patterns for each round through the colours (`nil` is a solid line).
  static let dashes: [String?] = [nil, "7 4", "2 3", "10 3 2 3"]

  /// Colour of the `index`-th method.
  static func colour(_ index: Int) -> String { colours[index % colours.count] }

  /// `stroke-dasharray` of the `index`-th method, or `nil` for solid.
  static func dash(_ index: Int) -> String? { dashes[(index / colours.count) % dashes.count] }
}
