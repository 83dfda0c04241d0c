import Foundation
import Results
import Testing

@Suite struct RunFolderLockTests {
  static func folder() -> RunFolder { RunFolder(path: NSTemporaryDirectory() + "nasarena-lock/\(UUID().uuidString)/run") }

  @Test func aSecondWriterIsRefusedWithTheHolderNamed() throws {
    let folder = Self.folder()
    let held = try RunFolderLock.acquire(folder, command: "nasarena run", creating: true)
    #expect(held.folder.path == folder.path)
    let text = try String(contentsOfFile: folder.lockFile, encoding: .utf8)
    #expect(text.hasPrefix("pid \(getpid())\ncommand nasarena run\nstarted 20"))
    do {
      _ = try RunFolderLock.acquire(folder, command: "nasarena report", creating: false)
      Issue.record("a second lock of a held folder was granted")
    } catch let error as ResultStoreError {
      guard case .locked(let path, let holder) = error else { throw error }
      #expect(path == folder.path)
      #expect(holder.hasPrefix("pid \(getpid()), nasarena run, started 20"))
    }
  }

  @Test func aReleasedLockCanBeTakenAgain() throws {
    let folder = Self.folder()
    var held: RunFolderLock? = try RunFolderLock.acquire(folder, command: "nasarena run", creating: true)
    #expect(held != nil)
    held = nil
    let again = try RunFolderLock.acquire(folder, command: "nasarena run --resume", creating: false)
    #expect(try String(contentsOfFile: again.folder.lockFile, encoding: .utf8).contains("command nasarena run --resume\n"))
  }

  @Test func aMissingFolderIsNotCreatedUnlessAsked() throws {
    let folder = Self.folder()
    #expect(throws: ResultStoreError.self) { try RunFolderLock.acquire(folder, command: "nasarena report", creating: false) }
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }
}
