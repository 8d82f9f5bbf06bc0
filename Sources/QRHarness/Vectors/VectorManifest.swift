import QRConformance

/// One area's vector manifest (`TestVectors/conformance/<area>/manifest.json`): groups of vectors with the outcome
/// each rule must have per spec version; a rule missing from `expected` is not asserted.
///
/// ```swift
/// let manifest = try VectorManifest.load(path: "TestVectors/conformance/payload/manifest.json")
/// ```
public struct VectorManifest: Sendable, Equatable, Decodable {
    /// The manifest format versions this build reads.
    public static let supportedFormatVersions: ClosedRange<Int> = 1...1

    public let formatVersion: Int
    /// `payload`, `signature`, `symbol`, `submission` or `display`.
    public let area: String
    /// The spec id the expectations are written against.
    public let spec: String
    /// The spec versions the manifest holds expectations for.
    public let specVersions: [String]
    public let description: String
    public let generator: String
    /// The default validation time of every vector (ISO 8601).
    public let validationTime: String?
    /// What each flag means; every flag a vector carries is explained here.
    public let notes: [String: String]
    public let groups: [VectorGroup]

    private enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case area, spec
        case specVersions = "spec_versions"
        case description, generator
        case validationTime = "validation_time"
        case notes
        case groups
    }

    /// Every vector with the group it belongs to, in manifest order.
    public var vectors: [(group: VectorGroup, vector: VectorEntry)] {
        groups.flatMap { group in group.vectors.map { (group, $0) } }
    }
}

/// Vectors that share a description, rule ids, a clause and optionally a trust list and validation time.
public struct VectorGroup: Sendable, Equatable, Decodable {
    public let id: String
    public let description: String
    public let rules: [String]
    public let clause: String
    /// Trust list (JWKS) path relative to the manifest's folder; nil means the rules judge without one.
    public let trustList: String?
    public let validationTime: String?
    /// Test plan (personas and required display modes) path for submission vectors, relative to the manifest.
    public let testPlan: String?
    public let vectors: [VectorEntry]

    private enum CodingKeys: String, CodingKey {
        case id, description, rules, clause
        case trustList = "trust_list"
        case validationTime = "validation_time"
        case testPlan = "test_plan"
        case vectors
    }
}

/// One vector: an image file or payload bytes, and the expected outcome per spec version and rule.
public struct VectorEntry: Sendable, Equatable, Decodable {
    public let id: String
    public let description: String
    public let flags: [String]
    public let provenance: VectorProvenance
    /// Payload-only vector: the payload as text.
    public let payload: String?
    /// Payload-only vector: the payload bytes in base64 (for bytes JSON text cannot carry as they are).
    public let payloadBase64: String?
    /// Image vector: a PNG path relative to the manifest's folder.
    public let file: String?
    /// Submission vector: a submission folder or zip relative to the manifest's folder, judged with `certify`.
    public let submission: String?
    /// Overrides the group's and manifest's validation time.
    public let validationTime: String?
    /// Pixel density override, as `--ppi` would give it.
    public let ppi: Double?
    /// Display vector: the mode the screen declares (`default` or `full`); the screen text is read with OCR.
    public let displayMode: String?
    /// Spec version → rule id → outcome (`pass`, `fail`, `warn`, `not_applicable`, `inconclusive`).
    public let expected: [String: [String: String]]
    /// Spec version → the vector's verdict (`pass`, `inconclusive`, `fail`, `error`); required for image and
    /// submission vectors, absent for payload-only ones (their symbol rules cannot be judged by construction).
    public let expectedVerdict: [String: String]?
    /// Rules whose expected outcome `inconclusive` also meets: a reading of the screen may be unsure, never wrong.
    public let unsureAllowed: [String]?

    private enum CodingKeys: String, CodingKey {
        case id, description, flags, provenance, payload
        case payloadBase64 = "payload_base64"
        case file, submission
        case validationTime = "validation_time"
        case ppi
        case displayMode = "display_mode"
        case expected
        case expectedVerdict = "expected_verdict"
        case unsureAllowed = "unsure_allowed"
    }
}

/// Where a vector came from: the generator and the parameters it used.
public struct VectorProvenance: Sendable, Equatable, Decodable {
    public let generator: String
    public let parameters: JSONValue?
}
