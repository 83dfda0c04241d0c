import Randomness

/// How every random stream of a suite derives from its seed (PROTOCOL.md section 3).
///
/// Trial i of a task has one seed, shared by every method (the paired design); a method's own
/// stream derives from (trial seed, method name), and the shared initial design from
/// (trial seed, "initial-design"). Nothing depends on the order or parallelism of trials.
public enum SeedPlan {
  /// The seed of trial `trial` of `task` under the suite seed `suiteSeed`.
  public static func trialSeed(suiteSeed: UInt64, task: String, trial: Int) -> UInt64 {
    StableHash.combine([suiteSeed, StableHash.of(task), UInt64(trial)])
  }

  /// The seed of the shared initial-design stream of a trial.
  public static func initialDesignSeed(trialSeed: UInt64) -> UInt64 {
    StableHash.combine(trialSeed, StableHash.of("initial-design"))
  }

  /// The seed of a pretraining family's label-free pretraining on a search space: shared by
  /// every task, trial and method of the family on that space, so one pretraining serves them all.
  public static func pretrainingSeed(suiteSeed: UInt64, space: String, family: String) -> UInt64 {
    StableHash.combine([suiteSeed, StableHash.of("pretraining"), StableHash.of(space), StableHash.of(family)])
  }

  /// The private generator of method `methodName` in a trial.
  public static func methodGenerator(trialSeed: UInt64, methodName: String) -> SeededGenerator {
    SeededGenerator(seed: trialSeed).derived(methodName)
  }
}
