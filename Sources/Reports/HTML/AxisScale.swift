/// One axis of a plot: its range, its ticks at "nice" numbers, and the mapping to [0, 1].
///
/// Linear axes step by 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for graph
/// labels", Graphics Gems 1990); a y axis is widened to whole steps, an x axis ends at the
/// data. Logarithmic axes span the data with a little room and tick at 1, 2 and 5 times powers
/// of ten (only powers of ten past three decades).
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
  ///
  /// - Parameter tight: end a linear axis at the data instead of at whole steps.
  init(covering values: [Double], logarithmic: Bool, tight: Bool = false, targetTicks: Int = 6) {
    self.logarithmic = logarithmic
    let finite = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
    var low = finite.min() ?? (logarithmic ? 1 : 0)
    var high = finite.max() ?? (logarithmic ? 10 : 1)
    if logarithmic {
      let span = max(decimalLog(high / low), 0.2)
      lower = low / decimalPower(0.04 * span)
      upper = high * decimalPower(0.04 * span)
      ticks = AxisScale.logTicks(lower: lower, upper: upper, span: span)
      return
    }
    if high - low < 1e-12 * max(1, abs(high)) {
      let pad = low == 0 ? 1 : abs(low) * 0.05
      low -= pad
      high += pad
    }
    let step = AxisScale.niceStep((high - low) / Double(max(1, targetTicks - 1)))
    let first = tight ? low : (low / step - 1e-9).rounded(.down) * step
    let last = tight ? high : (high / step + 1e-9).rounded(.up) * step
    lower = first
    upper = last
    let firstTick = (first / step - 1e-9).rounded(.up)
    let lastTick = (last / step + 1e-9).rounded(.down)
    ticks = stride(from: firstTick, through: lastTick, by: 1).map { $0 * step }
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

  /// Powers of ten within the range, with their 2 and 5 multiples (or every multiple) when the
  /// range is short enough to need them.
  private static func logTicks(lower: Double, upper: Double, span: Double) -> [Double] {
    let firstDecade = Int(decimalLog(lower).rounded(.down))
    let lastDecade = Int(decimalLog(upper).rounded(.up))
    func candidates(_ multiples: [Double]) -> [Double] {
      var ticks: [Double] = []
      for decade in firstDecade...lastDecade {
        let base = decimalPower(Double(decade))
        for multiple in multiples {
          let tick = multiple * base
          if tick >= lower * (1 - 1e-9) && tick <= upper * (1 + 1e-9) { ticks.append(tick) }
        }
      }
      return ticks
    }
    let multiples: [[Double]] = span > 3 ? [[1], [1, 2, 5]] : [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]
    let coarse = candidates(multiples[0])
    return coarse.count >= 3 ? coarse : candidates(multiples[1])
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

  /// The text of a tick: a plain number with just enough decimals, or `2e-5` style for tiny
  /// and huge values on a log axis.
  func label(_ tick: Double) -> String {
    if tick == 0 { return "0" }
    let magnitude = abs(tick)
    let exponent = Int((decimalLog(magnitude) + 1e-9).rounded(.down))
    if logarithmic && (magnitude < 1e-3 || magnitude >= 1e5) {
      let mantissa = tick / decimalPower(Double(exponent))
      return NumberFormat.fixed(mantissa, 0) + "e" + String(exponent)
    }
    let step = logarithmic ? decimalPower(Double(exponent)) : (ticks.count > 1 ? ticks[1] - ticks[0] : magnitude)
    let decimals = max(0, Int((-decimalLog(step) - 1e-9).rounded(.up)))
    return NumberFormat.fixed(tick, min(decimals, 8))
  }
}
