/// A vendor's `submission.json`: who submits which app, and which screenshot shows which persona in which mode.
///
/// ```swift
/// let manifest = try SubmissionManifest.decode(bytes, path: "acme.zip!/submission.json")
/// ```
public struct SubmissionManifest: Sendable, Equatable {
    /// The manifest format versions this build reads.
    public static let supportedFormatVersions: ClosedRange<Int> = 1...1
    /// The name of the manifest inside a submission.
    public static let fileName = "submission.json"

    /// The app under test.
    public struct App: Sendable, Equatable, Codable {
        public let name: String
        public let version: String
        public let platform: String

        public init(name: String, version: String, platform: String) {
            self.name = name
            self.version = version
            self.platform = platform
        }
    }

    /// One screenshot: its file in the submission, the persona and mode shown, the device it was taken on.
    public struct Screenshot: Sendable, Equatable, Codable {
        public let file: String
        public let persona: String
        public let mode: DisplayMode
        public let device: String
        /// Pixels per inch of the device screen, when the vendor states it.
        public let ppi: Double?

        public init(file: String, persona: String, mode: DisplayMode, device: String, ppi: Double?) {
            self.file = file
            self.persona = persona
            self.mode = mode
            self.device = device
            self.ppi = ppi
        }

        private enum CodingKeys: String, CodingKey {
            case file, persona
            case mode = "display_mode"
            case device, ppi
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(persona, forKey: .persona)
            try container.encode(mode, forKey: .mode)
            try container.encode(device, forKey: .device)
            try container.encode(ppi, forKey: .ppi)
        }
    }

    public let formatVersion: Int
    /// Safe as a folder name: reports go to `Reports/<id>/`.
    public let id: String
    public let vendor: String
    public let app: App
    public let spec: String
    public let screenshots: [Screenshot]

    public init(id: String, vendor: String, app: App, spec: String, screenshots: [Screenshot]) {
        formatVersion = 1
        self.id = id
        self.vendor = vendor
        self.app = app
        self.spec = spec
        self.screenshots = screenshots
    }

    /// Letters, digits, `.`, `_` and `-`, 1–64 characters, starting with a letter or digit (never `..`).
    public static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 64, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// A relative path of `/`-separated identifier components ending in `.png`.
    public static func isScreenshotPath(_ text: String) -> Bool {
        text.hasSuffix(".png")
            && text.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
                isIdentifier(String($0))
            }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Decodes a manifest, naming the first problem by its JSON pointer.
    public static func decode(_ bytes: [UInt8], path: String) throws(SubmissionError) -> SubmissionManifest {
        try SubmissionJSON.decode(SubmissionManifest.self, bytes, path: path, supported: supportedFormatVersions)
    }
}

extension SubmissionManifest: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id = "submission_id"
        case vendor, app, spec, screenshots
    }

    private enum AppKeys: String, CodingKey {
        case name, version, platform
    }

    private enum ScreenshotKeys: String, CodingKey {
        case file, persona
        case mode = "display_mode"
        case device, ppi
    }

    /// Checks every member in document order and refuses the first problem (`format_version` was checked already).
    public init(from decoder: any Decoder) throws {
        try decoder.allowOnly(["format_version", "submission_id", "vendor", "app", "spec", "screenshots"])
        let root = try decoder.container(keyedBy: CodingKeys.self)
        let id = try root.text(
            .id, pattern: Self.isIdentifier, expected: "letters, digits, '.', '_' or '-' (at most 64)")
        guard root.contains(.app) else { throw root.problem(.app, "missing; expected an object") }
        let appDecoder = try root.superDecoder(forKey: .app)
        try appDecoder.allowOnly(["name", "version", "platform"])
        let appMembers = try appDecoder.container(keyedBy: AppKeys.self)
        let app = App(
            name: try appMembers.text(.name), version: try appMembers.text(.version),
            platform: try appMembers.text(.platform))
        var screenshots: [Screenshot] = []
        for entry in try root.objects(.screenshots) {
            try entry.allowOnly(["file", "persona", "display_mode", "device", "ppi"])
            let members = try entry.container(keyedBy: ScreenshotKeys.self)
            let file = try members.text(
                .file, pattern: Self.isScreenshotPath, expected: "a relative .png path without '..' or odd characters")
            guard !screenshots.contains(where: { $0.file == file }) else {
                throw members.problem(.file, "\(file) is listed twice")
            }
            let modeName = try members.text(.mode)
            guard let mode = DisplayMode(rawValue: modeName) else {
                throw members.problem(.mode, "unknown display mode \"\(modeName)\"; use default or full")
            }
            screenshots.append(
                Screenshot(
                    file: file,
                    persona: try members.text(.persona, pattern: Self.isIdentifier, expected: "an identifier"),
                    mode: mode, device: try members.text(.device), ppi: try members.positiveNumber(.ppi)))
        }
        self.init(
            id: id, vendor: try root.text(.vendor), app: app, spec: try root.text(.spec), screenshots: screenshots)
    }
}
