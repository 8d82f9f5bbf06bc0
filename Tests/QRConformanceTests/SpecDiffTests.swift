import QRConformance
import Testing

/// SpecDiff lists added, removed and changed rules (severity, title, parameters) in id order.
@Suite struct SpecDiffTests {
    @Test func shippedDraftChangesExactlyThreeRules() throws {
        let old = try SpecCatalog.load(named: "vn-personal-qr@1.1").spec
        let new = try SpecCatalog.load(named: "vn-personal-qr@1.2").spec
        let diff = SpecDiff(old: old, new: new)
        #expect(diff.added == [] && diff.removed == [])
        #expect(diff.changed.map(\.id) == ["PAY-010", "SYM-002", "SYM-019"])
        #expect(diff.changed.first?.severity?.old == .warning && diff.changed.first?.severity?.new == .error)
        let levels = diff.changed.first { $0.id == "SYM-002" }
        #expect(levels?.parameters == [.init(name: "minimum", old: "enum M", new: "enum Q")])
        #expect(levels?.title?.new.en == "Error correction level at least Q")
        let checkpoint = diff.changed.last
        #expect(checkpoint?.severity?.old == .warning && checkpoint?.severity?.new == .error)
        #expect(checkpoint?.parameters == [])
    }

    @Test func addedAndRemovedRules() throws {
        let spec = try SpecCatalog.load(named: "vn-personal-qr@1.1").spec
        let fewer = Spec(
            formatVersion: 1, id: spec.id, version: "x", title: spec.title,
            rules: spec.rules.filter { $0.id != "SYM-017" })
        #expect(SpecDiff(old: spec, new: fewer).removed == ["SYM-017"])
        #expect(SpecDiff(old: fewer, new: spec).added == ["SYM-017"])
        #expect(SpecDiff(old: spec, new: spec).isEmpty)
    }
}
