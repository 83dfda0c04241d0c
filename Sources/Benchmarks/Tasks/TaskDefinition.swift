import SearchSpaces

/// The recipe of one task: family, dataset and the columns of signal, report and cost.
struct TaskDefinition: Sendable {
  /// The benchmark family, which fixes the tables and the search space.
  enum Family: Sendable {
    /// `nasBench101` is the shipped 30k subset; `nasBench101Full` the table imported from the
    /// official release file (same benchmark, same pool).
    case nasBench201, nasBench101, nasBench101Full, transNASMicro, nasBenchGraph

    /// The benchmark name shown in summaries.
    var benchmark: String {
      switch self {
      case .nasBench201: return "nas-bench-201"
      case .nasBench101, .nasBench101Full: return "nas-bench-101"
      case .transNASMicro: return "transnas-bench-101-micro"
      case .nasBenchGraph: return "nas-bench-graph"
      }
    }

    /// The data files the family's tasks read.
    var files: [String] {
      switch self {
      case .nasBench201: return [NASBench201Space.file]
      case .nasBench101: return [NASBench101Pool.file] + NASBench101Labels.files
      case .nasBench101Full: return [NASBench101Pool.file, NASBench101FullTable.file]
      case .transNASMicro: return [TransNASMicroSpace.file]
      case .nasBenchGraph: return [NASBenchGraphTable.file]
      }
    }
  }

  /// A cost derived from a table column: `column x scale` seconds.
  struct Cost: Sendable {
    let column: String
    let scale: Double
    /// The name the task's cost `LabelColumn` carries.
    let label: String
  }

  let name: String
  let family: Family
  let dataset: String
  let signal: String
  let report: String
  let cost: Cost?
  let caveat: String?
}

extension TaskCatalog {
  /// NAS-Bench-201 stores the training time per epoch once for CIFAR-10 and CIFAR-100
  /// (identical values); ImageNet16-120 costs exactly 3.034 times more in every row of the
  /// source (see `data/nasbench201/README.md`). A query costs the 200-epoch schedule.
  static let nasBench201CIFARCost = TaskDefinition.Cost(
    column: "train_time_per_epoch_s_c10", scale: 200, label: "200 x train_time_per_epoch_s_c10")
  static let nasBench201ImageNetCost = TaskDefinition.Cost(
    column: "train_time_per_epoch_s_c10", scale: 200 * 3.034, label: "200 x 3.034 x train_time_per_epoch_s_c10")

  /// The TransNAS-Bench-101 micro tasks: (task name suffix, column).
  static let transNASTasks: [(String, String)] = [
    ("class-scene", "class_scene_valid_top1"), ("class-object", "class_object_valid_top1"),
    ("jigsaw", "jigsaw_valid_top1"), ("room-layout", "room_layout_valid_neg_loss"),
    ("segment-semantic", "segmentsemantic_valid_acc"), ("normal", "normal_valid_ssim"),
    ("autoencoder", "autoencoder_valid_ssim"),
  ]

  static let definitions: [TaskDefinition] =
    [
      TaskDefinition(
        name: "nb201-cifar10", family: .nasBench201, dataset: "cifar10", signal: "c10_valid_acc_200",
        report: "c10_test_acc_200", cost: nasBench201CIFARCost, caveat: nil),
      TaskDefinition(
        name: "nb201-cifar100", family: .nasBench201, dataset: "cifar100", signal: "c100_valid_acc_200",
        report: "c100_test_acc_200", cost: nasBench201CIFARCost, caveat: nil),
      TaskDefinition(
        name: "nb201-imagenet16-120", family: .nasBench201, dataset: "imagenet16-120", signal: "in16_valid_acc_200",
        report: "in16_test_acc_200", cost: nasBench201ImageNetCost, caveat: nil),
    ]
    + [
      TaskDefinition(
        name: "nb101-30k", family: .nasBench101, dataset: "cifar10", signal: "val_acc_108", report: "val_acc_108",
        cost: TaskDefinition.Cost(column: "train_time_108_s", scale: 1, label: "train_time_108_s"),
        caveat: "NAS-Bench-101 30,001-cell subset with single-run validation accuracy only; not comparable to full-table results"),
      // Available once `nasarena data import-nb101` has built the table; a partial import
      // gets a caveat at load time (`nasBench101FullTask`).
      TaskDefinition(
        name: "nb101", family: .nasBench101Full, dataset: "cifar10", signal: "mean_val_acc_108", report: "mean_test_acc_108",
        cost: TaskDefinition.Cost(column: "mean_train_time_108_s", scale: 1, label: "mean_train_time_108_s"), caveat: nil),
    ]
    + transNASTasks.map { suffix, column in
      TaskDefinition(
        name: "transnas-micro-" + suffix, family: .transNASMicro, dataset: suffix, signal: column, report: column,
        cost: nil, caveat: "validation metric only")
    }
    + NASBenchGraphTable.datasets.map { dataset in
      TaskDefinition(
        name: "nbgraph-" + dataset, family: .nasBenchGraph, dataset: dataset, signal: "valid_perf", report: "test_perf",
        cost: nil,
        caveat: dataset == "proteins" ? "metric not named by NAS-Bench-Graph (OGB's standard for ogbn-proteins is ROC-AUC)" : nil)
    }
}
