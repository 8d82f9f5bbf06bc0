import Foundation
import QRConformance
import Testing

/// Trust list parsing: the shipped test lists, and every kind of unusable list as a typed error naming the file.
@Suite struct SignatureTrustListTests {
    @Test func mainListHasTheTestKey() throws {
        let list = try SignatureFixtures.trustList()
        #expect(list.keys.map(\.kid) == [SignatureFixtures.kid1])
        #expect(list.revoked.isEmpty)
        let key = try #require(list.key(id: SignatureFixtures.kid1))
        #expect(key.algorithm == .es256)
        #expect(key.publicKey != nil)
        #expect(key.windowDescription == "any time")
        #expect(list.key(id: SignatureFixtures.kid2) == nil)
    }

    @Test func revokedListNamesKeyTwo() throws {
        let list = try SignatureFixtures.trustList("test-trust-list-revoked.jwks.json")
        #expect(list.keys.map(\.kid) == [SignatureFixtures.kid1, SignatureFixtures.kid2])
        #expect(list.revoked == [SignatureFixtures.kid2])
        #expect(list.isRevoked(SignatureFixtures.kid2) && !list.isRevoked(SignatureFixtures.kid1))
    }

    @Test func windowListHasNotBeforeAndExpiry() throws {
        let key = try #require(try SignatureFixtures.trustList("test-trust-list-window.jwks.json").keys.first)
        #expect(key.notBefore == SignatureFixtures.notBefore && key.expires == SignatureFixtures.expires)
        #expect(key.windowDescription == "2025-01-01T00:00:00Z ≤ t < 2027-01-01T00:00:00Z")
        #expect(!key.isValid(at: SignatureFixtures.notBefore.addingTimeInterval(-1)))
        #expect(key.isValid(at: SignatureFixtures.notBefore))
        #expect(key.isValid(at: SignatureFixtures.expires.addingTimeInterval(-1)))
        #expect(!key.isValid(at: SignatureFixtures.expires))
    }

    @Test(
        arguments: [
            (
                "test-trust-list-kid-mismatch.jwks.json", TrustListError.Code.kidMismatch, SignatureFixtures.kid2,
                "kid does not match the key's RFC 7638 thumbprint, which gives kid lGG_viH9k2k"
            ),
            (
                "test-trust-list-p384.jwks.json", .unsupportedKey, "SepWplmN-T8",
                "curve P-384 is not supported; the profile accepts EC P-256 (ES256) keys only"
            ),
            (
                "test-trust-list-rsa.jwks.json", .unsupportedKey, "NzbLsXh8uDA",
                "key type RSA is not supported; the profile accepts EC P-256 (ES256) keys only"
            ),
            (
                "test-trust-list-malformed.jwks.json", .invalidJSON, nil,
                "not valid JSON: line 10, column 12: a string that is never closed (at /keys/0/y)"
            ),
        ] as [(String, TrustListError.Code, String?, String)])
    func shippedBadListsAreTrustListErrors(file: String, code: TrustListError.Code, kid: String?, cause: String) throws
    {
        let path = "TestVectors/keys/" + file
        let data = try SignatureFixtures.bytes(file)
        #expect(throws: TrustListError.trustList(code: code, path: path, kid: kid, cause: cause)) {
            try TrustList.parse(data: data, path: path)
        }
    }

    @Test func errorDescriptionNamesFileAndKey() {
        let error = TrustListError.trustList(
            code: .unsupportedKey, path: "k.json", kid: "abc", cause: "curve P-384 is not supported")
        #expect(error.description == "trust list k.json (key abc): curve P-384 is not supported")
        #expect(
            TrustListError.trustList(code: .invalidJSON, path: "k.json", cause: "not valid JSON").description
                == "trust list k.json: not valid JSON")
    }

    /// Key 1's public JWK members, to build broken lists from.
    static let x = "wiQVUjBn-VlmZNC4FcKisfwnv_vi39CkCWTMgLpCr5E"
    static let y = "LE25T0-93AhpJfCdiwWx8ITa4TDKXeZRYQ8WSeuv-AM"
    static func key(_ extra: String = "", kid: String = SignatureFixtures.kid1, x: String = x) -> String {
        #"{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"\#(kid)","x":"\#(x)","y":"\#(y)"\#(extra)}"#
    }

    @Test(
        arguments: [
            (
                "array top level", "[]", TrustListError.Code.invalidField, nil,
                "the top level is a JSON array, not an object with \"keys\""
            ),
            ("no keys", "{}", .missingField, nil, "no \"keys\" array"),
            ("keys not array", #"{"keys":{}}"#, .invalidField, nil, "\"keys\" is a JSON object, not an array"),
            ("key not object", #"{"keys":[1]}"#, .invalidField, nil, "keys[0] is a JSON integer, not a JWK object"),
            ("no kid", #"{"keys":[{"kty":"EC"}]}"#, .missingField, nil, "keys[0] has no \"kid\""),
            ("no crv", #"{"keys":[{"kid":"a","kty":"EC"}]}"#, .missingField, "a", "no \"crv\""),
            (
                "kty number", #"{"keys":[{"kid":"a","kty":2}]}"#, .invalidField, "a",
                "\"kty\" is a JSON integer, not a string"
            ),
            (
                "alg ES384", "{\"keys\":[\(key().replacing("ES256", with: "ES384"))]}", .unsupportedKey,
                SignatureFixtures.kid1,
                "algorithm ES384 is not supported; the profile uses ES256"
            ),
            (
                "use enc", "{\"keys\":[\(key().replacing("\"sig\"", with: "\"enc\""))]}", .invalidField,
                SignatureFixtures.kid1,
                "\"use\" is enc, not sig"
            ),
            (
                "private key", "{\"keys\":[\(key(#","d":"AAAA""#))]}", .invalidField, SignatureFixtures.kid1,
                "the JWK holds a private key (\"d\"); a trust list holds public keys only"
            ),
            (
                "short x", "{\"keys\":[\(key(x: "AAAA"))]}", .invalidField, SignatureFixtures.kid1,
                "\"x\" is 3 bytes; a P-256 coordinate is 32"
            ),
            (
                "padded x", "{\"keys\":[\(key(x: x + "="))]}", .invalidField, SignatureFixtures.kid1,
                "\"x\" is not base64url without padding: padding '=' at character 44"
            ),
            (
                "not on curve", "{\"keys\":[\(key(x: String(repeating: "A", count: 43)))]}", .invalidField,
                SignatureFixtures.kid1, "\"x\" and \"y\" are not a point on P-256"
            ),
            (
                "nbf string", "{\"keys\":[\(key(#","nbf":"2025""#))]}", .invalidField, SignatureFixtures.kid1,
                "\"nbf\" is a JSON string, not a NumericDate"
            ),
            (
                "empty window", "{\"keys\":[\(key(#","nbf":10,"exp":10"#))]}", .invalidField, SignatureFixtures.kid1,
                "\"nbf\" is not before \"exp\": the key is never valid"
            ),
            (
                "duplicate kid", "{\"keys\":[\(key()),\(key())]}", .duplicateKID, SignatureFixtures.kid1,
                "kid lGG_viH9k2k appears more than once in \"keys\""
            ),
            (
                "revoked string", "{\"keys\":[\(key())],\"revoked\":\"x\"}", .invalidField, nil,
                "\"revoked\" is a JSON string, not an array of kids"
            ),
            (
                "revoked number", "{\"keys\":[\(key())],\"revoked\":[1]}", .invalidField, nil,
                "\"revoked\" holds a value that is not a kid string"
            ),
        ] as [(String, String, TrustListError.Code, String?, String)])
    func brokenListsAreTrustListErrors(
        name: String, json: String, code: TrustListError.Code, kid: String?, cause: String
    ) {
        #expect(throws: TrustListError.trustList(code: code, path: "list.json", kid: kid, cause: cause), "\(name)") {
            try TrustList.parse(data: Array(json.utf8), path: "list.json")
        }
    }

    @Test func fractionalNumericDatesAndEmptyRevokedAreAccepted() throws {
        let json = "{\"keys\":[\(Self.key(#","nbf":1735689600.5,"exp":1798761600"#))],\"revoked\":[]}"
        let list = try TrustList.parse(data: Array(json.utf8), path: "list.json")
        #expect(list.keys.first?.notBefore == Date(timeIntervalSince1970: 1_735_689_600.5))
    }
}
