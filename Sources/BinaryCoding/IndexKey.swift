/// The coding key of a list element, by position (both coders' paths use it).
struct IndexKey: CodingKey {
  let intValue: Int?
  let stringValue: String

  init(_ index: Int) {
    intValue = index
    stringValue = String(index)
  }

  init?(intValue: Int) { self.init(intValue) }
  init?(stringValue: String) { nil }
}
