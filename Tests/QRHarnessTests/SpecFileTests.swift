import Foundation
import QRConformance
import QRHarness
import QRTestSupport
import Testing

/// `--spec ID|PATH`: a bundled spec by name, else the file at the path.
@Suite struct SpecFileTests {
    @Test func catalogLoadsByIDVersionAndPath() throws {
        let byID = try SpecCatalog.load(named: SpecCatalog.defaultID)
        let byKey = try SpecCatalog.load(named: "vn-personal-qr@1.1")
        let path = Repository.root.appendingPathComponent("spec/vn-personal-qr/1.1/rules.json").path
        let byPath = try SpecFile.load(idOrPath: path)
        #expect(byID.spec == byKey.spec && byKey.spec == byPath.spec)
        #expect(byID.sha256 == byPath.sha256)
        #expect(byID.origin == "bundled:vn-personal-qr@1.1")
        #expect(byPath.sha256 == Hashing.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(byID.spec.rules.map(\.id) == RuleRegistry.ids)
    }

    @Test func missingFileIsUnreadable() {
        do {
            _ = try SpecFile.load(idOrPath: "/nonexistent/rules.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.file == "/nonexistent/rules.json")
        }
    }
}
