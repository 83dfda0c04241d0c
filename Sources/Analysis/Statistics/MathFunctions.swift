#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The C math library stays behind these few names so the rest of the target needs no import.

/// Natural logarithm.
func naturalLog(_ x: Double) -> Double { log(x) }

/// e raised to `x`.
func exponential(_ x: Double) -> Double { exp(x) }

/// Complementary error function, accurate in the tails (unlike `1 - erf(x)`).
func complementaryErrorFunction(_ x: Double) -> Double { erfc(x) }

/// The probability that a standard normal variable exceeds `z`.
func standardNormalSurvival(_ z: Double) -> Double {
  0.5 * complementaryErrorFunction(z / 2.0.squareRoot())
}

/// Natural logarithm of the gamma function, for positive `x`.
func logGamma(_ x: Double) -> Double { lgamma(x) }
