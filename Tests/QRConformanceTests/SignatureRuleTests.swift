import Foundation
import QRConformance
import Testing

/// One signature rule judged on one payload against one trust list at one instant.
struct SignatureCase: CustomTestStringConvertible, Sendable {
    let name: String
    let key: String
    let change: @Sendable ([UInt8]) -> [UInt8]
    let list: String?
    let time: Date
    let rule: String
    let outcome: RuleOutcome
    let message: String

    init(
        _ name: String, key: String = "1", list: String? = "test-trust-list.jwks.json",
        at time: Date = TestSupport.validationTime, _ rule: String, _ outcome: RuleOutcome, _ message: String,
        change: @escaping @Sendable ([UInt8]) -> [UInt8] = { $0 }
    ) {
        self.name = name
        self.key = key
        self.change = change
        self.list = list
        self.time = time
        self.rule = rule
        self.outcome = outcome
        self.message = message
    }

    var testDescription: String { "\(rule) \(name)" }
}

/// The signature rules on real ES256 signatures made by scripts/sign_payload.py and by swift-crypto.
@Suite struct SignatureRuleTests {
    static let kid1 = SignatureFixtures.kid1
    static let notVerified =
        "the signature does not verify with key \(kid1) over the 92 payload bytes before "
        + "EXT[4] (signature): the payload changed after signing, or another key signed it"
    static let malformed = "EXT[4] (signature) is malformed: "
    static let window = "test-trust-list-window.jwks.json"

    static let cases: [SignatureCase] = [
        SignatureCase("valid", "SIG-001", .pass, "passed: EXT[4] holds an electronic signature"),
        SignatureCase("valid", "SIG-002", .pass, "passed: Signature is KID.SIG in base64url without padding"),
        SignatureCase("valid", "SIG-003", .pass, "passed: Signing key is in the trust list"),
        SignatureCase("valid", "SIG-004", .pass, "passed: Signing key is valid at the validation time and not revoked"),
        SignatureCase("valid", "SIG-005", .pass, "passed: Signature verifies over the signed bytes"),
        SignatureCase("valid", "SIG-006", .pass, "passed: Nothing follows the signature"),
        SignatureCase(
            "unsigned", "SIG-001", .fail,
            "EXT[4] (signature) holds no signature; the certification profile requires KID.SIG, an ES256 signature "
                + "over the payload up to EXT[4]"
        ) { _ in Array(TestSupport.example.utf8) },
        SignatureCase("unsigned", "SIG-002", .notApplicable, "no signature in EXT[4] (signature) (see SIG-001)") { _ in
            Array(TestSupport.example.utf8)
        },
        SignatureCase(
            "empty EXT[4]", "SIG-001", .fail,
            "EXT[4] (signature) holds no signature; the certification profile requires KID.SIG, an ES256 signature "
                + "over the payload up to EXT[4]"
        ) { _ in Array((TestSupport.example + "<").utf8) },
        SignatureCase("no trust list", list: nil, "SIG-003", .inconclusive, "no trust list given"),
        SignatureCase("no trust list", list: nil, "SIG-004", .inconclusive, "no trust list given"),
        SignatureCase("no trust list", list: nil, "SIG-005", .inconclusive, "no trust list given"),
        SignatureCase(
            "no trust list", list: nil, "SIG-002", .pass, "passed: Signature is KID.SIG in base64url without padding"),
        SignatureCase(
            "unknown key", key: "unknown", "SIG-003", .fail,
            "key id \(SignatureFixtures.kidUnknown) is not in the trust list; "
                + "sign with a key the certification centre lists"
        ),
        SignatureCase(
            "unknown key", key: "unknown", "SIG-004", .notApplicable, "the key is not in the trust list (see SIG-003)"),
        SignatureCase(
            "unknown key", key: "unknown", "SIG-005", .notApplicable, "the key is not in the trust list (see SIG-003)"),
        SignatureCase(
            "revoked key", key: "2", list: "test-trust-list-revoked.jwks.json", "SIG-004", .fail,
            "key \(SignatureFixtures.kid2) is revoked in the trust list; sign with a current key"),
        SignatureCase(
            "revoked key", key: "2", list: "test-trust-list-revoked.jwks.json", "SIG-005", .pass,
            "passed: Signature verifies over the signed bytes"),
        SignatureCase(
            "1 s before nbf", key: "3", list: window, at: SignatureFixtures.notBefore.addingTimeInterval(-1), "SIG-004",
            .fail,
            "key \(SignatureFixtures.kid3) is not valid yet: its window starts at 2025-01-01T00:00:00Z, after the "
                + "validation time 2024-12-31T23:59:59Z"),
        SignatureCase(
            "at nbf", key: "3", list: window, at: SignatureFixtures.notBefore, "SIG-004", .pass,
            "passed: Signing key is valid at the validation time and not revoked"),
        SignatureCase(
            "1 s before exp", key: "3", list: window, at: SignatureFixtures.expires.addingTimeInterval(-1), "SIG-004",
            .pass, "passed: Signing key is valid at the validation time and not revoked"),
        SignatureCase(
            "at exp", key: "3", list: window, at: SignatureFixtures.expires, "SIG-004", .fail,
            "key \(SignatureFixtures.kid3) expired at 2027-01-01T00:00:00Z, not after the validation time "
                + "2027-01-01T00:00:00Z"),
        SignatureCase(
            "window key verifies", key: "3", list: window, "SIG-005", .pass,
            "passed: Signature verifies over the signed bytes"),
        SignatureCase(
            "truncated by 1 character", "SIG-002", .fail,
            malformed + "the signature is not base64url without padding: length 85 is not a whole number of bytes "
                + "(truncated?)"
        ) { $0.replacingSignature { String($0.dropLast()) } },
        SignatureCase(
            "truncated by 2 characters", "SIG-002", .fail,
            malformed + "the signature is 63 bytes; an ES256 signature is 64 bytes (r‖s)"
        ) { $0.replacingSignature { String($0.dropLast(2)) } },
        SignatureCase("truncated", "SIG-005", .notApplicable, "the signature is malformed (see SIG-002)") {
            $0.replacingSignature { String($0.dropLast()) }
        },
        SignatureCase(
            "63 bytes", "SIG-002", .fail,
            malformed + "the signature is 63 bytes; an ES256 signature is 64 bytes (r‖s)"
        ) { $0.replacingSignature { Base64URL.encode(Array(((try? Base64URL.decode($0)) ?? []).dropLast())) } },
        SignatureCase(
            "65 bytes", "SIG-002", .fail,
            malformed + "the signature is 65 bytes; an ES256 signature is 64 bytes (r‖s)"
        ) { $0.replacingSignature { Base64URL.encode(((try? Base64URL.decode($0)) ?? []) + [0]) } },
        SignatureCase(
            "standard base64 '+'", "SIG-002", .fail,
            malformed + "the signature is not base64url without padding: character 0x2B at 1 is not base64url"
        ) { $0.replacingSignature { "+" + $0.dropFirst() } },
        SignatureCase(
            "padded", "SIG-002", .fail,
            malformed + "the signature is not base64url without padding: padding '=' at character 87"
        ) { $0.replacingSignature { $0 + "==" } },
        SignatureCase(
            "no separator", "SIG-002", .fail,
            malformed + "it is not KID.SIG: there is no '.' between key id and signature"
        ) { Array($0.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).joined()) },
        SignatureCase(
            "two separators", "SIG-002", .fail, malformed + "it is not KID.SIG: there is more than one '.'"
        ) { $0.replacingSignature { "AA." + $0 } },
        SignatureCase(
            "7-byte kid", "SIG-002", .fail, malformed + "the key id is 7 bytes; the profile's key id is 8 bytes"
        ) { Array(String(decoding: $0, as: UTF8.self).replacing(kid1 + ".", with: "lGG_viH9kw.").utf8) },
        SignatureCase("changed signature byte", "SIG-005", .fail, notVerified) {
            $0.replacingSignature { ($0.first == "A" ? "B" : "A") + $0.dropFirst() }
        },
        SignatureCase("another key's signature under kid 1", "SIG-005", .fail, notVerified) { _ in
            let unknown = (try? SignatureFixtures.signedExample(key: "unknown")) ?? []
            return Array(
                String(decoding: unknown, as: UTF8.self)
                    .replacing(SignatureFixtures.kidUnknown, with: kid1).utf8)
        },
        SignatureCase(
            "data after the signature", "SIG-006", .fail,
            "EXT has 1 position after EXT[4] (signature), which the signature does not cover; end the payload with "
                + "the signature"
        ) { $0 + Array("<0987654321".utf8) },
        SignatureCase(
            "a trailing '<'", "SIG-006", .fail,
            "EXT has 1 position after EXT[4] (signature), which the signature does not cover; end the payload with "
                + "the signature"
        ) { $0 + [UInt8(ascii: "<")] },
        SignatureCase(
            "two positions after", "SIG-006", .fail,
            "EXT has 2 positions after EXT[4] (signature), which the signature does not cover; end the payload with "
                + "the signature"
        ) { $0 + Array("<a<b".utf8) },
        SignatureCase("data after the signature", "SIG-005", .pass, "passed: Signature verifies over the signed bytes")
        {
            $0 + Array("<0987654321".utf8)
        },
    ]

    @Test(arguments: cases)
    func rule(_ test: SignatureCase) throws {
        let payload = test.change(try SignatureFixtures.signedExample(key: test.key))
        let list = try test.list.map { try SignatureFixtures.trustList($0) }
        let findings = try SignatureFixtures.findings(payload, trustList: list, at: test.time)
        let finding = try #require(findings.first { $0.rule == test.rule })
        #expect(finding.outcome == test.outcome)
        #expect(finding.message == test.message)
    }

    @Test func validSignatureEvidenceShowsKidWindowAndVerification() throws {
        let findings = try SignatureFixtures.findings(
            try SignatureFixtures.signedExample(key: "3"), trustList: try SignatureFixtures.trustList(Self.window))
        let evidence = Dictionary(uniqueKeysWithValues: findings.map { ($0.rule, $0.evidence) })
        #expect(findings.allSatisfy { $0.outcome == .pass })
        #expect(evidence["SIG-002"]?.measured == "kid \(SignatureFixtures.kid3), 64-byte signature")
        #expect(evidence["SIG-003"]?.measured == "kid \(SignatureFixtures.kid3) found")
        #expect(evidence["SIG-004"]?.measured == "validation time 2026-01-01T00:00:00Z")
        #expect(evidence["SIG-004"]?.limit == "2025-01-01T00:00:00Z ≤ t < 2027-01-01T00:00:00Z, not revoked")
        #expect(evidence["SIG-005"]?.measured == "verified")
        #expect(evidence["SIG-005"]?.limit == "ES256 signature by key \(SignatureFixtures.kid3) over bytes 0..<92")
    }

    @Test func oneChangedByteAnywhereInTheSignedPartFails() throws {
        let signed = try SignatureFixtures.signedExample(key: "1")
        let list = try SignatureFixtures.trustList()
        let separators: Set<UInt8> = [UInt8(ascii: "|"), UInt8(ascii: "<")]
        for index in 0..<92 {
            var changed = signed
            changed[index] ^= 0x01
            let findings = try SignatureFixtures.findings(changed, trustList: list)
            if separators.contains(signed[index]) {
                let all = try SignatureFixtures.findings(changed, trustList: list, rulePrefix: "")
                #expect(
                    all.contains { $0.outcome == .fail && ["PAY-002", "SIG-001"].contains($0.rule) }, "byte \(index)")
            } else {
                let verification = findings.first { $0.rule == "SIG-005" }
                #expect(verification?.outcome == .fail, "byte \(index)")
                #expect(verification?.message == Self.notVerified, "byte \(index)")
            }
        }
    }

    @Test(arguments: ["", "<1", "<1<HS4010120878821<0944713700"])
    func swiftCryptoSignedPayloadVerifies(ext: String) throws {
        let unsigned = Array(exampleWith(field: 5, with: ext).utf8)
        let signed = try SignatureFixtures.signer(key: "1").sign(unsigned)
        let parse = PersonalQRPayload.parse(bytes: signed)
        #expect(parse.payload?.extFields.count == 5)
        #expect(parse.payload?.signature?.text.hasPrefix(Self.kid1 + ".") == true)
        let findings = try SignatureFixtures.findings(signed, trustList: try SignatureFixtures.trustList())
        #expect(findings.map(\.outcome) == Array(repeating: .pass, count: 6))
    }

    @Test func signerRefusesAPayloadThatIsAlreadySigned() throws {
        let signed = try SignatureFixtures.signedExample(key: "1")
        #expect(throws: PayloadSigner.Failure.invalidPayload("EXT already has a position 4 (signature) or later")) {
            try SignatureFixtures.signer(key: "1").sign(signed)
        }
        #expect(throws: PayloadSigner.Failure.invalidPayload("the payload has 1 '|'-separated fields, not 6")) {
            try SignatureFixtures.signer(key: "1").sign(Array("x".utf8))
        }
    }

    @Test func revokedKidMissingFromTheKeysIsNamedAsRevoked() throws {
        let key = try SignatureFixtures.trustList().keys
        let list = TrustList(path: "list.json", keys: key, revoked: [SignatureFixtures.kid2])
        let findings = try SignatureFixtures.findings(try SignatureFixtures.signedExample(key: "2"), trustList: list)
        #expect(
            findings.first { $0.rule == "SIG-003" }?.message
                == "key id \(SignatureFixtures.kid2) is not in the trust list (it is listed as revoked); "
                + "sign with a key "
                + "the certification centre lists")
        #expect(findings.first { $0.rule == "SIG-004" }?.outcome == .fail)
    }

    @Test func specRequiresATrustList() throws {
        let spec = try TestSupport.loadedSpec().spec
        #expect(SignatureRules.requiresTrustList(spec: spec))
        let optional = Spec(
            formatVersion: 1, id: spec.id, version: spec.version, title: spec.title,
            rules: spec.rules.map { rule in
                guard rule.id == "SIG-001" else { return rule }
                return SpecRule(
                    id: rule.id, area: rule.area, severity: rule.severity, title: rule.title, source: rule.source,
                    parameters: ["required": SpecParameter(type: .boolean, value: .boolean(false))])
            })
        #expect(!SignatureRules.requiresTrustList(spec: optional))
        let unsigned = ConformanceEngine(spec: optional).evaluate(
            ImageObservation(symbols: [TestSupport.conformantSymbol()], ppi: 300), at: TestSupport.validationTime)
        #expect(unsigned.first { $0.rule == "SIG-001" }?.outcome == .pass)
        let skips = try SignatureFixtures.findings(try SignatureFixtures.signedExample(key: "1"), trustList: nil)
            .filter(SignatureRules.isMissingTrustList).map(\.rule)
        #expect(skips == SignatureRules.trustListRuleIDs)
    }
}
