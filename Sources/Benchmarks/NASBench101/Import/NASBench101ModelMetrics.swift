/// What the importer takes from one `ModelMetrics` message of the NAS-Bench-101 release
/// (`nasbench/lib/model_metrics.proto` of google-research/nasbench, proto2): the final
/// evaluation of one training run and the parameter count.
///
/// Field numbers and wire types from that file: `ModelMetrics` has `evaluation_data = 1`
/// (repeated message), `trainable_parameters = 2` (int32, varint), `total_time = 3` (double);
/// `EvaluationData` has `current_epoch = 1`, `training_time = 2`, `train_accuracy = 3`,
/// `validation_accuracy = 4`, `test_accuracy = 5` (all double, 8 bytes) and
/// `checkpoint_path = 6` (string). Like the official API (`nasbench/api.py`),
/// `evaluation_data[2]` is the final (108-epoch) evaluation; the others are not read.
struct NASBench101ModelMetrics: Sendable, Hashable {
  /// Entries of `evaluation_data`.
  let evaluationCount: Int
  /// `training_time` of the final evaluation: seconds of training, evaluation excluded.
  let trainingTimeSeconds: Double
  /// `validation_accuracy` of the final evaluation, a fraction in 0...1.
  let validationAccuracy: Double
  /// `test_accuracy` of the final evaluation, a fraction in 0...1.
  let testAccuracy: Double
  /// `trainable_parameters`.
  let trainableParameters: Int

  /// Decodes a serialized `ModelMetrics`.
  ///
  /// - Throws: `ProtobufReader.Failure` (offset within `bytes`) for malformed wire format, a
  ///   known field with the wrong wire type, fewer than 3 evaluations, or a final evaluation
  ///   or parameter count that is absent.
  /// - Complexity: O(bytes.count).
  init(decoding bytes: [UInt8]) throws {
    var evaluations = 0
    var parameters: Int?
    var final: (time: Double?, validation: Double?, test: Double?) = (nil, nil, nil)
    try bytes.withUnsafeBytes { raw in
      var message = ProtobufReader(raw)
      while let (number, value) = try message.nextField() {
        switch (number, value) {
        case (1, .lengthDelimited(let range)):
          if evaluations == 2 { final = try Self.evaluation(raw, range) }
          evaluations += 1
        case (2, .varint(let bits)):
          parameters = Int(Int32(truncatingIfNeeded: bits))
        case (3, .fixed64):
          break  // total_time: training and evaluation, not used
        case (1...3, _):
          throw ProtobufReader.Failure(offset: 0, problem: "field \(number) of ModelMetrics with the wrong wire type")
        default:
          break  // unknown fields are skipped
        }
      }
    }
    guard evaluations >= 3 else {
      throw ProtobufReader.Failure(offset: bytes.count, problem: "\(evaluations) evaluation_data entries, fewer than 3")
    }
    guard let time = final.time, let validation = final.validation, let test = final.test else {
      throw ProtobufReader.Failure(offset: bytes.count, problem: "evaluation_data[2] without training_time, validation_accuracy and test_accuracy")
    }
    guard let parameters else { throw ProtobufReader.Failure(offset: bytes.count, problem: "no trainable_parameters") }
    evaluationCount = evaluations
    trainingTimeSeconds = time
    validationAccuracy = validation
    testAccuracy = test
    trainableParameters = parameters
  }

  /// The three doubles the importer needs from one `EvaluationData`.
  private static func evaluation(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>) throws -> (Double?, Double?, Double?) {
    var message = ProtobufReader(raw, range: range)
    var result: (time: Double?, validation: Double?, test: Double?) = (nil, nil, nil)
    while let (number, value) = try message.nextField() {
      switch number {
      case 1...5:
        guard let double = value.double else {
          throw ProtobufReader.Failure(offset: range.lowerBound, problem: "field \(number) of EvaluationData is not a double (wire type 1)")
        }
        if number == 2 { result.time = double }
        if number == 4 { result.validation = double }
        if number == 5 { result.test = double }
      case 6:
        guard case .lengthDelimited = value else {
          throw ProtobufReader.Failure(offset: range.lowerBound, problem: "field 6 of EvaluationData is not a string (wire type 2)")
        }
      default:
        break
      }
    }
    return result
  }
}
