import SearchSpaces

/// Building the tasks of NAS-Bench-101 and NAS-Bench-Graph.
extension TaskCatalog {
  /// The NAS-Bench-101 task: domain = the 30,001 labelled cells, pool = all 423,624.
  func nasBench101Task(
    _ definition: TaskDefinition, pool: NASBench101Pool? = nil, labels: NASBench101Labels? = nil
  ) throws -> BenchmarkTask {
    let pool = try pool ?? NASBench101Pool.cached(in: data)
    let labels = try labels ?? NASBench101Labels.cached(in: data)
    let space = NASBench101Space(pool: pool)
    let column = { (name: String) in LabelColumn(name: name, values: labels.poolColumn(name, poolSize: pool.count)) }
    return BenchmarkTask(
      name: definition.name, benchmark: definition.family.benchmark, dataset: definition.dataset,
      signal: column(definition.signal), report: column(definition.report),
      cost: definition.cost.map { rule in LabelColumn(name: rule.label, values: column(rule.column).values.map { $0 * rule.scale }) },
      domain: Domain(space: space, indices: labels.poolIndices), caveat: definition.caveat)
  }

  /// The full NAS-Bench-101 task: domain = every cell of the imported table (423,624 for the
  /// whole release file), pool = all 423,624. A table with fewer cells gives a task over
  /// those cells with a caveat saying how many.
  ///
  /// - Throws: `BenchmarkError.notImported` naming `nasarena data import-nb101` when the table
  ///   is absent, or any error of loading it.
  func nasBench101FullTask(
    _ definition: TaskDefinition, pool: NASBench101Pool? = nil, table: NASBench101FullTable? = nil
  ) throws -> BenchmarkTask {
    let table = try table ?? NASBench101FullTable.cached(in: data)
    let pool = try pool ?? NASBench101Pool.cached(in: data)
    let space = NASBench101Space(pool: pool)
    let column = { (name: String) in LabelColumn(name: name, values: table.poolColumn(name, poolSize: pool.count)) }
    let cells = table.poolIndices.count
    let caveat =
      cells < pool.count
      ? "imported NAS-Bench-101 table holds \(cells) of \(pool.count) cells (a partial release file); not comparable to full-table results"
      : definition.caveat
    return BenchmarkTask(
      name: definition.name, benchmark: definition.family.benchmark, dataset: definition.dataset,
      signal: column(definition.signal), report: column(definition.report),
      cost: definition.cost.map { rule in LabelColumn(name: rule.label, values: column(rule.column).values.map { $0 * rule.scale }) },
      domain: Domain(space: space, indices: table.poolIndices), caveat: caveat)
  }

  /// A NAS-Bench-Graph task: domain = pool = the dataset's architectures in the table.
  func nasBenchGraphTask(_ definition: TaskDefinition, table: NASBenchGraphTable? = nil) throws -> BenchmarkTask {
    guard let rows = try (table ?? NASBenchGraphTable.cached(in: data)).datasets[definition.dataset] else {
      throw BenchmarkError.unknownTask(name: definition.name, known: Self.taskNames)
    }
    let space = NASBenchGraphSpace(dataset: definition.dataset, hashes: rows.hashes)
    let column = { (name: String) in LabelColumn(name: name, values: rows.columns[name] ?? []) }
    return BenchmarkTask(
      name: definition.name, benchmark: definition.family.benchmark, dataset: definition.dataset,
      signal: column(definition.signal), report: column(definition.report),
      cost: definition.cost.map { rule in LabelColumn(name: rule.label, values: column(rule.column).values.map { $0 * rule.scale }) },
      domain: Domain(space: space, indices: Array(0..<space.poolSize)), caveat: definition.caveat)
  }
}
