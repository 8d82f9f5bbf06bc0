import Foundation
import QRConformance
import Testing

/// The TEST-ONLY keys, trust lists and signed examples under TestVectors/keys (made by scripts/sign_payload.py).
enum SignatureFixtures {
    /// Kids of the test keys, as scripts/sign_payload.py derives them.
    static let kid1 = "lGG_viH9k2k"
    static let kid2 = "BSqtUU3xaxM"
    static let kid3 = "WRSF4O74WEk"
    static let kidUnknown = "ise_8CjoZlw"

    /// 2025-01-01T00:00:00Z and 2027-01-01T00:00:00Z: the window of test key 3.
    static let notBefore = Date(timeIntervalSince1970: 1_735_689_600)
    static let expires = Date(timeIntervalSince1970: 1_798_761_600)

    /// A file of TestVectors/keys as bytes.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("TestVectors/keys/" + name)))
    }

    /// A trust list file parsed, with its repository-relative path as the name.
    static func trustList(_ name: String = "test-trust-list.jwks.json") throws -> TrustList {
        try TrustList.parse(data: bytes(name), path: "TestVectors/keys/" + name)
    }

    /// The published example signed by a test key (`1`, `2`, `3` or `unknown`) with scripts/sign_payload.py.
    static func signedExample(key: String) throws -> [UInt8] {
        let document = try JSONDecoder().decode(SignedExamples.self, from: Data(bytes("signed-examples.json")))
        return Array(try #require(document.signed["test-only-key-" + key]).utf8)
    }

    /// A signer with a test key's private JWK.
    static func signer(key: String) throws -> PayloadSigner {
        try PayloadSigner(privateJWK: bytes("test-only-key-\(key).private.jwk.json"))
    }

    /// The findings of the rules whose ids start with `rulePrefix` (all rules of the shipped spec with `""`)
    /// for one conformant symbol with this payload.
    static func findings(
        _ payload: [UInt8], trustList: TrustList?, at time: Date = TestSupport.validationTime,
        rulePrefix: String = "SIG-"
    ) throws -> [Finding] {
        let engine = ConformanceEngine(spec: try TestSupport.loadedSpec().spec, trustList: trustList)
        let image = ImageObservation(symbols: [TestSupport.conformantSymbol(payload: payload)], ppi: 300)
        return engine.evaluate(image, at: time).filter { $0.rule.hasPrefix(rulePrefix) }
    }

    private struct SignedExamples: Decodable {
        let signed: [String: String]
    }
}

extension Array where Element == UInt8 {
    /// The bytes with the base64url text of EXT[4]'s signature replaced by `transform` of it.
    func replacingSignature(_ transform: (String) -> String) -> [UInt8] {
        guard let dot = lastIndex(of: UInt8(ascii: ".")) else { return self }
        let signature = String(decoding: self[(dot + 1)...], as: UTF8.self)
        return Array(self[...dot]) + Array(transform(signature).utf8)
    }
}
