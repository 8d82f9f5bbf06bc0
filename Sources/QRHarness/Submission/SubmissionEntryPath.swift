import QRConformance

/// Checks one entry name of a submission: relative, inside the root, and a PNG or the manifest.
enum SubmissionEntryPath {
    /// The normalised relative path of a file entry; throws for names that could escape the root.
    static func validate(_ name: String, source: String) throws(SubmissionError) -> String {
        func refuse(_ cause: String) -> SubmissionError {
            SubmissionError.submission(code: .unsafeEntry, path: source, cause: "entry \"\(printable(name))\" \(cause)")
        }
        guard !name.isEmpty else { throw refuse("has an empty name") }
        guard !name.hasPrefix("/"), !name.contains("\\"), !(name.count >= 2 && Array(name)[1] == ":") else {
            throw refuse("is an absolute path or uses backslashes; entries must be relative to the root")
        }
        guard name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw refuse("has control characters in its name")
        }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.contains(where: { $0 == ".." || $0 == "." }) else {
            throw refuse("leaves the submission root ('..' or '.' in the path)")
        }
        guard !components.dropLast().contains(where: \.isEmpty) else { throw refuse("has an empty path component") }
        return name
    }

    /// Whether a file entry may be in a submission: the manifest or a PNG screenshot.
    static func checkAllowed(_ path: String, source: String) throws(SubmissionError) {
        guard path == SubmissionManifest.fileName || path.lowercased().hasSuffix(".png") else {
            throw SubmissionError.submission(
                code: .notAllowed, path: source,
                cause: "entry \"\(printable(path))\" is not allowed: a submission holds only "
                    + "\(SubmissionManifest.fileName) and PNG screenshots")
        }
    }

    /// The name with anything unprintable replaced, for messages.
    static func printable(_ name: String) -> String {
        let cut = name.count > 120 ? String(name.prefix(120)) + "…" : name
        return String(
            String.UnicodeScalarView(cut.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
