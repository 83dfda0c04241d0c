import Benchmarks
import BinaryCoding
import Foundation

/// A pretrained value on disk: the key text, the SHA-256 of the value's bytes, and the bytes,
/// as one object of the binary format behind a magic line.
enum PretrainedFile {
  static let magic = Array("NASARENA-PRETRAINED 1\n".utf8)

  enum Reading {
    case absent
    case corrupt(String)
    case valid(value: any Sendable, contentHash: String, bytes: Int)
  }

  static func read(path: String, key: PretrainingKey, valueType: any (Codable & Sendable).Type) -> Reading {
    guard let data = FileManager.default.contents(atPath: path) else { return .absent }
    let bytes = [UInt8](data)
    guard bytes.starts(with: magic) else { return .corrupt("not a NASArena pretraining file") }
    let object: [String: BinaryValue]
    do {
      guard case .object(let members) = try BinaryValue(serialized: Array(bytes[magic.count...])) else {
        return .corrupt("no record")
      }
      object = members
    } catch {
      return .corrupt("\(error)")
    }
    guard case .string(let storedKey)? = object["key"], case .string(let storedHash)? = object["sha256"],
      case .bytes(let payload)? = object["value"]
    else { return .corrupt("a field is missing") }
    guard storedKey == key.text else { return .corrupt("it holds another key") }
    let hash = SHA256.hexDigest(of: payload)
    guard hash == storedHash else { return .corrupt("the value's SHA-256 is \(hash), the file says \(storedHash)") }
    do {
      return .valid(value: try decode(valueType, payload), contentHash: hash, bytes: payload.count)
    } catch {
      return .corrupt("the value does not decode: \(error)")
    }
  }

  private static func decode<T: Codable & Sendable>(_: T.Type, _ payload: [UInt8]) throws -> any Sendable {
    try BinaryDecoder().decode(T.self, from: payload)
  }

  /// Writes to a temporary name in `directory`, then renames, so a reader never sees half a file.
  static func write(payload: [UInt8], hash: String, key: PretrainingKey, directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let record = BinaryValue.object(["key": .string(key.text), "sha256": .string(hash), "value": .bytes(payload)])
    let path = (directory as NSString).appendingPathComponent(key.fileName)
    let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(magic + record.serialized)) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: reason])
    }
  }
}

/// An advisory `flock` on a file of the cache folder, held while one key is read or computed,
/// so processes sharing the folder compute each value once. The kernel drops it if the process
/// dies.
struct CacheFileLock {
  private let descriptor: Int32

  init(directory: String, name: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = (directory as NSString).appendingPathComponent(name)
    descriptor = open(path, O_RDWR | O_CREAT, 0o644)
    guard descriptor >= 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
    while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
  }

  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
