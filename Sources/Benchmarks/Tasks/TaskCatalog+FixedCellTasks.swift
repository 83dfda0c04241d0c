import SearchSpaces

/// Building the tasks of the fixed-topology cell benchmarks.
extension TaskCatalog {
  /// A NAS-Bench-201 task: domain = pool = 15,625 cells.
  func nasBench201Task(_ definition: TaskDefinition, table: FixedCellTable? = nil) throws -> BenchmarkTask {
    let table = try table ?? NASBench201Space.table(in: data)
    return fixedCellTask(definition, table: table, space: NASBench201Space(cells: table.cells))
  }

  /// A TransNAS-Bench-101 micro task: domain = pool = 4,096 cells, no cost column.
  func transNASMicroTask(_ definition: TaskDefinition, table: FixedCellTable? = nil) throws -> BenchmarkTask {
    let table = try table ?? TransNASMicroSpace.table(in: data)
    return fixedCellTask(definition, table: table, space: TransNASMicroSpace(cells: table.cells))
  }

  private func fixedCellTask(_ definition: TaskDefinition, table: FixedCellTable, space: any SearchSpace) -> BenchmarkTask {
    let cost = definition.cost.map { rule in
      LabelColumn(name: rule.label, values: table.column(rule.column).map { $0 * rule.scale })
    }
    return BenchmarkTask(
      name: definition.name, benchmark: definition.family.benchmark, dataset: definition.dataset,
      signal: LabelColumn(name: definition.signal, values: table.column(definition.signal)),
      report: LabelColumn(name: definition.report, values: table.column(definition.report)),
      cost: cost, domain: Domain(space: space, indices: Array(0..<space.poolSize)), caveat: definition.caveat)
  }
}
