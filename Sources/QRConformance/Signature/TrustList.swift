import Foundation

/// The certification centre's trusted signing keys (a JWKS, RFC 7517) and its revoked key ids.
///
/// The harness is given one with `--trust-list FILE`; the engine passes it to the signature rules.
///
/// ```swift
/// let list = try TrustList.parse(data: Array(try Data(contentsOf: url)), path: url.path)
/// let engine = ConformanceEngine(spec: spec, trustList: list)
/// ```
public struct TrustList: Sendable, Equatable {
    /// The file the list was read from, for messages.
    public let path: String
    /// The keys in file order.
    public let keys: [TrustedKey]
    /// Key ids the centre has revoked, sorted; they need not be among `keys`.
    public let revoked: [String]

    public init(path: String, keys: [TrustedKey], revoked: [String]) {
        self.path = path
        self.keys = keys
        self.revoked = revoked.sorted()
    }

    /// The key with this id, if the list has it.
    public func key(id: String) -> TrustedKey? {
        keys.first { $0.kid == id }
    }

    /// Whether the centre lists this key id as revoked.
    public func isRevoked(_ kid: String) -> Bool {
        revoked.contains(kid)
    }

    /// Parses a JWKS trust list, checking every key against the profile; the first problem is thrown.
    public static func parse(data: [UInt8], path: String) throws(TrustListError) -> TrustList {
        let root: JSONValue
        do {
            root = try StrictJSON.parse(data)
        } catch {
            throw TrustListError.trustList(code: .invalidJSON, path: path, cause: "not valid JSON: \(error)")
        }
        return try TrustListParser(path: path).parse(root)
    }
}
