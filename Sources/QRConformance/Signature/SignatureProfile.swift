/// The suite's signature profile for EXT[4] (spec/vn-personal-qr/1.1/README.md, "Signature profile").
///
/// The guidance names an electronic signature but no format; this profile is a suite interpretation.
public enum SignatureProfile {
    /// Bytes of the key id: the first 8 bytes of the key's RFC 7638 SHA-256 thumbprint.
    public static let keyIDByteCount = 8
    /// Bytes of an ES256 signature, r‖s.
    public static let signatureByteCount = 64
    /// The byte between key id and signature in EXT[4].
    public static let separator = UInt8(ascii: ".")
}

/// The parts of an EXT[4] value `KID.SIG`, each decoded from strict base64url.
public struct SignatureField: Sendable, Equatable {
    /// Why an EXT[4] value is not a well-formed `KID.SIG`.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case missingSeparator
        case extraSeparator
        case keyIDEncoding(Base64URL.DecodingError)
        case signatureEncoding(Base64URL.DecodingError)
        case keyIDLength(Int)
        case signatureLength(Int)

        public var description: String {
            switch self {
            case .missingSeparator: "it is not KID.SIG: there is no '.' between key id and signature"
            case .extraSeparator: "it is not KID.SIG: there is more than one '.'"
            case .keyIDEncoding(let error): "the key id is not base64url without padding: \(error)"
            case .signatureEncoding(let error): "the signature is not base64url without padding: \(error)"
            case .keyIDLength(let count):
                "the key id is \(count) bytes; the profile's key id is \(SignatureProfile.keyIDByteCount) bytes"
            case .signatureLength(let count):
                "the signature is \(count) bytes; an ES256 signature is "
                    + "\(SignatureProfile.signatureByteCount) bytes (r‖s)"
            }
        }
    }

    /// The key id as written in the payload (base64url text).
    public let keyID: String
    public let keyIDBytes: [UInt8]
    /// The 64-byte r‖s signature.
    public let signature: [UInt8]

    /// Splits and decodes an EXT[4] value; the first problem found is thrown.
    public static func parse(_ bytes: [UInt8]) throws(Problem) -> SignatureField {
        let parts = bytes.split(separator: SignatureProfile.separator, omittingEmptySubsequences: false)
        guard parts.count > 1 else { throw .missingSeparator }
        guard parts.count == 2 else { throw .extraSeparator }
        let keyIDText = Array(parts[0])
        let keyIDBytes: [UInt8]
        let signature: [UInt8]
        do { keyIDBytes = try Base64URL.decode(keyIDText) } catch { throw .keyIDEncoding(error) }
        do { signature = try Base64URL.decode(Array(parts[1])) } catch { throw .signatureEncoding(error) }
        guard keyIDBytes.count == SignatureProfile.keyIDByteCount else { throw .keyIDLength(keyIDBytes.count) }
        guard signature.count == SignatureProfile.signatureByteCount else { throw .signatureLength(signature.count) }
        return SignatureField(
            keyID: String(decoding: keyIDText, as: UTF8.self), keyIDBytes: keyIDBytes, signature: signature)
    }
}
