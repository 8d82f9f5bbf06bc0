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
        let root = try JSONObjectReader.document(bytes, path: path, supported: supportedFormatVersions)
        try root.allowOnly(["format_version", "id", "spec", "personas", "description"])
        var personas: [Persona] = []
        for entry in try root.objects("personas") {
            try entry.allowOnly(["id", "payload", "required_modes", "description"])
            let id = try entry.string("id", pattern: SubmissionManifest.isIdentifier, expected: "an identifier")
            guard !personas.contains(where: { $0.id == id }) else { throw entry.error("/id", "duplicate persona id") }
            guard case .string(let payload)? = entry.members["payload"], !payload.isEmpty else {
                throw entry.error("/payload", "missing or not a non-empty string")
            }
            var modes: [DisplayMode] = []
            for (index, name) in try entry.strings("required_modes").enumerated() {
                guard let mode = DisplayMode(rawValue: name) else {
                    throw entry.error(
                        "/required_modes/\(index)", "unknown display mode \"\(name)\"; use default or full")
                }
                if !modes.contains(mode) { modes.append(mode) }
            }
            guard !modes.isEmpty else { throw entry.error("/required_modes", "must list at least one display mode") }
            personas.append(
                Persona(id: id, payload: Array(payload.utf8), requiredModes: modes.sorted { $0.rawValue < $1.rawValue })
            )
        }
        let planID = try root.string("id", pattern: SubmissionManifest.isIdentifier, expected: "an identifier")
        return TestPlan(formatVersion: 1, id: planID, spec: try root.string("spec"), personas: personas)
    }
}
