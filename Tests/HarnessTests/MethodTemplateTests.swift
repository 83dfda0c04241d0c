import Harness
import Testing

@Suite struct MethodTemplateTests {
  @Test func namesBecomeTypeNamesAndPaths() throws {
    let template = try MethodTemplate(name: "greedy-walk2")
    #expect(template.typeName == "GreedyWalk2")
    #expect(
      template.files.map(\.path) == [
        "Sources/SearchMethods/GreedyWalk2/GreedyWalk2.swift", "Sources/SearchMethods/GreedyWalk2/GreedyWalk2+Settings.swift",
        "Tests/SearchMethodsTests/GreedyWalk2Tests.swift",
      ])
    #expect(template.files[0].contents.contains("public static let name = \"greedy-walk2\""))
    #expect(template.files[1].contents.contains("public static var schema: [Setting<Self>]"))
  }

  @Test(arguments: ["", "My-Method", "my--method", "-my", "my_method", "9lives", String(repeating: "a", count: 41)])
  func nonKebabNamesAreRefused(_ name: String) {
    #expect(throws: MethodTemplateError.invalidName(name)) { try MethodTemplate(name: name) }
  }

  @Test func theRegistrationGoesAfterTheLastEntryOnce() throws {
    let registry = "    [\n      MethodEntry(RandomSearch.self),\n      MethodEntry(BRPNAS.self),\n    ]\n"
    let template = try MethodTemplate(name: "walk")
    let updated = try #require(template.registering(in: registry))
    #expect(updated == "    [\n      MethodEntry(RandomSearch.self),\n      MethodEntry(BRPNAS.self),\n      MethodEntry(Walk.self),\n    ]\n")
    #expect(template.registering(in: updated) == nil)
    #expect(template.registering(in: "no entries here") == nil)
  }
}
