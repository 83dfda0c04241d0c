#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The C math library stays behind these names so the plotting code needs no import.

/// Base-10 logarithm.
func decimalLog(_ x: Double) -> Double { log10(x) }

/// 10 raised to `x`.
func decimalPower(_ x: Double) -> Double { pow(10, x) }
