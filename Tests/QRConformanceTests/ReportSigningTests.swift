import Foundation
import Testing

@testable import QRConformance

@Suite struct ReportSigningTests {
    static let keyFile = "test-only-centre-report-key.private.jwk.json"
    static let keysFile = "test-centre-report-keys.jwks.json"
    static let report = Array("{\n  \"verdict\" : \"pass\"\n}\n".utf8)

    static func key() throws -> ReportSigningKey {
        try ReportSigningKey.parse(data: SignatureFixtures.bytes(keyFile), path: keyFile)
    }

    static func keys() throws -> ReportSigningKeys {
        try ReportSigningKeys.parse(data: SignatureFixtures.bytes(keysFile), path: keysFile)
    }

    @Test func theKeyIdIsTheFullRFC7638ThumbprintThePublishedListNames() throws {
        let key = try Self.key()
        #expect(key.kid == "CYGexlTGS6MaWZVwXE2KMVL9RcygZxYz52VhPWZ6Dh8")
        #expect(try Self.keys().keys.map(\.kid) == [key.kid])
        #expect(key.signer == "qrconform TEST-ONLY certification centre")
    }

    @Test func aSignedReportVerifiesAgainstThePublishedKeys() throws {
        let compact = DetachedJWS.sign(Self.report, with: try Self.key())
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts[1].isEmpty)
        #expect(
            try Base64URL.decode(String(parts[0]))
                == Array(#"{"alg":"ES256","kid":"CYGexlTGS6MaWZVwXE2KMVL9RcygZxYz52VhPWZ6Dh8"}"#.utf8))
        let jws = try DetachedJWS.parse(Array((compact + "\n").utf8), path: "r.jws")
        guard case .valid(let key) = ReportVerifier.verify(report: Self.report, jws: jws, keys: try Self.keys()) else {
            Issue.record("a fresh signature does not verify")
            return
        }
        #expect(key.name == "qrconform TEST-ONLY certification centre")
    }

    @Test(arguments: [0, 5, 14, 24]) func changingOneByteOfTheReportMakesItInvalid(_ offset: Int) throws {
        let jws = try DetachedJWS.parse(Array(DetachedJWS.sign(Self.report, with: try Self.key()).utf8), path: "r.jws")
        var tampered = Self.report
        tampered[offset] ^= 0x01
        #expect(
            ReportVerifier.verify(report: tampered, jws: jws, keys: try Self.keys())
                == .invalid(
                    "the signature does not match the report's bytes (the report or its signature was changed after signing)"
                ))
    }

    @Test func aSignatureByAKeyNotInTheListIsInvalidNamingTheKey() throws {
        // Payload key 1 without its (8-byte, payload-profile) kid: a valid P-256 key the centre never published.
        let text = String(decoding: try SignatureFixtures.bytes("test-only-key-1.private.jwk.json"), as: UTF8.self)
        let kidLine = try #require(text.split(separator: "\n").first { $0.contains("\"kid\"") })
        let other = try ReportSigningKey.parse(
            data: Array(text.replacingOccurrences(of: kidLine + "\n", with: "").utf8), path: "key-1")
        let jws = try DetachedJWS.parse(Array(DetachedJWS.sign(Self.report, with: other).utf8), path: "r.jws")
        #expect(
            ReportVerifier.verify(report: Self.report, jws: jws, keys: try Self.keys())
                == .invalid("the signing key \(other.kid) is not in the centre's key list \(Self.keysFile)"))
    }

    struct BadKey: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let cause: String
        var testDescription: String { name }
    }

    static let badKeys: [BadKey] = [
        BadKey(name: "not JSON", json: "-----BEGIN EC PRIVATE KEY-----", cause: "not valid JSON"),
        BadKey(
            name: "a key set", json: #"{"keys":[]}"#,
            cause: "not an EC P-256 private key: the file is a key set (JWKS); give one private JWK"),
        BadKey(
            name: "RSA", json: #"{"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"}"#,
            cause: "not an EC P-256 private key: \"kty\" is RSA, not EC"),
        BadKey(
            name: "P-384", json: #"{"kty":"EC","crv":"P-384","x":"AA","y":"AA","d":"AA"}"#,
            cause: "not an EC P-256 private key: \"crv\" is P-384, not P-256"),
        BadKey(
            name: "public only", json: #"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#,
            cause: "not an EC P-256 private key: no \"d\" (a public key cannot sign)"),
        BadKey(
            name: "short scalar", json: #"{"kty":"EC","crv":"P-256","x":"AA","y":"AA","d":"AAAA"}"#,
            cause: "not an EC P-256 private key: \"d\" is 3 bytes, not 32"),
    ]

    @Test(arguments: badKeys) func aKeyThatIsNotAnECP256PrivateJWKIsRefusedNamingWhy(_ test: BadKey) {
        let error = #expect(throws: ReportSigningError.self) {
            try ReportSigningKey.parse(data: Array(test.json.utf8), path: "k.jwk")
        }
        #expect(error?.file == "k.jwk")
        #expect(error?.description.hasPrefix("k.jwk: \(test.cause)") == true, "\(String(describing: error))")
    }

    @Test func aPublicPointThatIsNotTheScalarsIsRefused() throws {
        var jwk = String(decoding: try SignatureFixtures.bytes(Self.keyFile), as: UTF8.self)
        let other = String(decoding: try SignatureFixtures.bytes("test-only-key-1.private.jwk.json"), as: UTF8.self)
        let otherD = try #require(other.split(separator: "\n").first { $0.contains("\"d\"") })
        let ownD = try #require(jwk.split(separator: "\n").first { $0.contains("\"d\"") })
        jwk = jwk.replacingOccurrences(of: ownD, with: otherD)
        let error = #expect(throws: ReportSigningError.self) {
            try ReportSigningKey.parse(data: Array(jwk.utf8), path: "k")
        }
        #expect(error?.cause == "not an EC P-256 private key: \"x\" and \"y\" are not the public point of \"d\"")
    }

    @Test(arguments: [
        ("abc", "not a detached JWS: 1 dot-separated parts, not 3"),
        ("e30.e30.AA", "not a detached JWS: the payload part is not empty (the payload is report.json)"),
        ("e30..AA", "not a detached JWS: the header has no \"alg\" or \"kid\" string"),
        ("e3=..AA", "not a detached JWS: a part is not base64url: padding '=' at character 3"),
    ])
    func aMalformedSignatureFileIsRefusedNamingWhy(_ text: String, _ cause: String) {
        let error = #expect(throws: ReportSigningError.self) { try DetachedJWS.parse(Array(text.utf8), path: "r.jws") }
        #expect(error?.description == "r.jws: \(cause)")
    }
}
