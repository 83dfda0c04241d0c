/// One axis of a plot: its range, its ticks at "nice" numbers, and the mapping to [0, 1].
///
/// Linear axes step by 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for graph
/// labels", Graphics Gems 1990) and are widened to whole steps; logarithmic axes tick at
/// powers of ten, adding 2 and 5 times them when the range spans at most two decades.
struct AxisScale {
  /// Smallest value shown.
  var lower: Double
  /// Largest value shown.
  var upper: Double
  /// Whether positions follow the logarithm of the value.
  var logarithmic: Bool
  /// Tick values, increasing.
  var ticks: [Double]

  /// A scale covering `values` (finite ones; positive ones for a logarithmic axis).
  init(covering values: [Double], logarithmic: Bool, targetTicks: Int = 6) {
    self.logarithmic = logarithmic
    let finite = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
    var low = finite.min() ?? (logarithmic ? 1 : 0)
    var high = finite.max() ?? (logarithmic ? 10 : 1)
    if logarithmic {
      let firstDecade = (decimalLog(low) + 1e-9).rounded(.down)
      let lastDecade = (decimalLog(high) - 1e-9).rounded(.up)
      let decades = max(1, Int(lastDecade - firstDecade))
      var ticks: [Double] = []
      for decade in 0...decades {
        let base = decimalPower(firstDecade + Double(decade))
        ticks.append(base)
        if decades <= 2 && decade < decades { ticks += [2 * base, 5 * base] }
      }
      lower = ticks.first ?? low
      upper = ticks.last ?? high
      self.ticks = ticks
      return
    }
    if high - low < 1e-12 * max(1, abs(high)) {
      let pad = low == 0 ? 1 : abs(low) * 0.05
      low -= pad
      high += pad
    }
    let step = AxisScale.niceStep((high - low) / Double(max(1, targetTicks - 1)))
    let first = (low / step - 1e-9).rounded(.down) * step
    let last = (high / step + 1e-9).rounded(.up) * step
    let count = Int(((last - first) / step).rounded())
    lower = first
    upper = last
    ticks = (0...count).map { first + Double($0) * step }
  }

  /// A linear scale over a fixed range with the given ticks.
  init(lower: Double, upper: Double, ticks: [Double]) {
    self.lower = lower
    self.upper = upper
    self.logarithmic = false
    self.ticks = ticks
  }

  /// 1, 2 or 5 times a power of ten, at least `rough`.
  static func niceStep(_ rough: Double) -> Double {
    let magnitude = decimalPower(decimalLog(rough).rounded(.down))
    let residual = rough / magnitude
    let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
    return factor * magnitude
  }

  /// Position of `value` along the axis, 0 at `lower` and 1 at `upper` (outside for values
  /// beyond the range; values at or below 0 on a log axis map to the bottom).
  func fraction(_ value: Double) -> Double {
    if logarithmic {
      let clamped = max(value, lower)
      return (decimalLog(clamped) - decimalLog(lower)) / (decimalLog(upper) - decimalLog(lower))
    }
    return (value - lower) / (upper - lower)
  }

  /// The text of a tick: a plain number with just enough decimals, or `1e-5` style for tiny
  /// and huge powers of ten.
  func label(_ tick: Double) -> String {
    if tick == 0 { return "0" }
    let magnitude = abs(tick)
    if logarithmic && (magnitude < 1e-3 || magnitude >= 1e5) {
      let exponent = Int(decimalLog(magnitude).rounded(.down))
      let mantissa = tick / decimalPower(Double(exponent))
      return (abs(mantissa - 1) < 1e-9 ? "1" : NumberFormat.fixed(mantissa, 0)) + "e" + String(exponent)
    }
    let step = logarithmic ? magnitude : (ticks.count > 1 ? ticks[1] - ticks[0] : magnitude)
    let decimals = max(0, Int((-decimalLog(step) + 1e-9).rounded(.up)))
    return NumberFormat.fixed(tick, min(decimals, 8))
  }
}
