/// SUB-003: each screenshot's code carries its persona's issued payload byte for byte.
///
/// Messages give offsets, lengths and field names, never the bytes themselves (they are personal data).
public struct PayloadMatchesPersonaRule: SubmissionRule {
    public let id = "SUB-003"
    static let fieldNames = ["SoGiayTo", "HoTen", "NgaySinh", "LoaiDinhDanh", "QID", "EXT"]

    public init() {}

    public func evaluate(_ context: SubmissionContext) -> [RuleResult] {
        guard let manifest = context.usableManifest else { return [SubmissionContext.noManifest] }
        return manifest.screenshots.map { screenshot in
            let location = "screenshot \(screenshot.file)"
            guard let persona = context.plan.persona(screenshot.persona) else {
                return .notApplicable(
                    "\(screenshot.file): persona \(screenshot.persona) is not in the test plan (see SUB-001)")
            }
            guard context.files.contains(screenshot.file) else {
                return .notApplicable("\(screenshot.file) is listed but not in the submission (see SUB-001)")
            }
            guard let observation = context.observations[screenshot.file] else {
                return .inconclusive(
                    "\(screenshot.file) could not be read",
                    remedy: "send \(screenshot.file) as a readable PNG screenshot")
            }
            guard !observation.symbols.isEmpty else {
                return .violation(
                    "\(screenshot.file): no QR code was read, so it cannot show persona \(persona.id)'s payload",
                    Evidence(measured: "no QR code", limit: "persona \(persona.id)'s payload", where: location))
            }
            for (index, symbol) in observation.symbols.enumerated() where symbol.payload != persona.payload {
                let prefix = observation.symbols.count > 1 ? "symbol \(index + 1): " : ""
                return .violation(
                    "\(screenshot.file): \(prefix)" + difference(symbol.payload, persona),
                    Evidence(
                        measured: "\(symbol.payload.count) bytes, sha256 \(Hashing.sha256Hex(symbol.payload))",
                        limit: "\(persona.payload.count) bytes, sha256 \(Hashing.sha256Hex(persona.payload))",
                        where: location))
            }
            return .pass(
                Evidence(
                    measured: "\(persona.payload.count) bytes equal", limit: "persona \(persona.id)'s payload",
                    where: location))
        }
    }

    /// Where the shown payload first departs from the issued one, and whether masking explains it.
    func difference(_ shown: [UInt8], _ persona: TestPlan.Persona) -> String {
        let issued = persona.payload
        let common = zip(shown, issued).prefix { $0 == $1 }.count
        let field = issued.prefix(common).filter { $0 == 0x7C }.count
        let name = field < Self.fieldNames.count ? Self.fieldNames[field] : "field \(field + 1)"
        var text =
            "the payload differs from the one issued for persona \(persona.id): first difference at byte \(common + 1) "
            + "(in \(name)); \(shown.count) bytes shown, \(issued.count) issued"
        if common < shown.count, shown[common] == 0x2A {
            text += "; the code carries a masked value ('*'): mask the text beside the code, not the code"
        }
        return text
    }
}
