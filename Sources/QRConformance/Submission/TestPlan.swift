/// The certification centre's list of test personas: the exact payload issued for each and the modes to show.
///
/// ```swift
/// let plan = try TestPlan.decode(bytes, path: "TestVectors/submissions/test-plan.json")
/// ```
public struct TestPlan: Sendable, Equatable {
    /// The test plan format versions this build reads.
    public static let supportedFormatVersions: ClosedRange<Int> = 1...1

    /// One test persona and the payload the national platform issued for it (signed with a test key).
    public struct Persona: Sendable, Equatable {
        public let id: String
        /// The issued payload, byte for byte.
        public let payload: [UInt8]
        /// Display modes (shared with the display rules' `DisplayMode`), sorted by name.
        public let requiredModes: [DisplayMode]

        public init(id: String, payload: [UInt8], requiredModes: [DisplayMode]) {
            self.id = id
            self.payload = payload
            self.requiredModes = requiredModes
        }
    }

    public let formatVersion: Int
    public let id: String
    public let spec: String
    public let personas: [Persona]

    public init(formatVersion: Int, id: String, spec: String, personas: [Persona]) {
        self.formatVersion = formatVersion
        self.id = id
        self.spec = spec
        self.personas = personas
    }

    /// The persona with this id.
    public func persona(_ id: String) -> Persona? {
        personas.first { $0.id == id }
    }

    /// Decodes a test plan file; the payload is the UTF-8 bytes of the JSON string `payload`.
    public static func decode(_ bytes: [UInt8], path: String) throws(SubmissionError) -> TestPlan {
        try SubmissionJSON.decode(TestPlan.self, bytes, path: path, supported: supportedFormatVersions)
    }
}

extension TestPlan: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, spec, personas
    }

    private enum PersonaKeys: String, CodingKey {
        case id, payload
        case requiredModes = "required_modes"
    }

    /// Checks every member in document order and refuses the first problem (`format_version` was checked already).
    public init(from decoder: any Decoder) throws {
        try decoder.allowOnly(["format_version", "id", "spec", "personas", "description"])
        let root = try decoder.container(keyedBy: CodingKeys.self)
        var personas: [Persona] = []
        for entry in try root.objects(.personas) {
            try entry.allowOnly(["id", "payload", "required_modes", "description"])
            let members = try entry.container(keyedBy: PersonaKeys.self)
            let id = try members.text(.id, pattern: SubmissionManifest.isIdentifier, expected: "an identifier")
            guard !personas.contains(where: { $0.id == id }) else { throw members.problem(.id, "duplicate persona id") }
            guard let payload = try? members.decode(String.self, forKey: .payload), !payload.isEmpty else {
                throw members.problem(.payload, "missing or not a non-empty string")
            }
            guard members.contains(.requiredModes) else {
                throw members.problem(.requiredModes, "missing or not an array")
            }
            let names = try members.decode([String].self, forKey: .requiredModes)
            var modes: [DisplayMode] = []
            for (index, name) in names.enumerated() {
                guard let mode = DisplayMode(rawValue: name) else {
                    throw DecodingError.dataCorrupted(
                        .init(
                            codingPath: members.codingPath + [PersonaKeys.requiredModes, JSONIndexKey(index: index)],
                            debugDescription: "unknown display mode \"\(name)\"; use default or full"))
                }
                if !modes.contains(mode) { modes.append(mode) }
            }
            guard !modes.isEmpty else { throw members.problem(.requiredModes, "must list at least one display mode") }
            personas.append(
                Persona(id: id, payload: Array(payload.utf8), requiredModes: modes.sorted { $0.rawValue < $1.rawValue })
            )
        }
        let planID = try root.text(.id, pattern: SubmissionManifest.isIdentifier, expected: "an identifier")
        self.init(formatVersion: 1, id: planID, spec: try root.text(.spec), personas: personas)
    }
}
