import Foundation

/// Build tool of the EmbedSpecs plugin: writes the given `spec/<id>/<version>/rules.json` files, byte for byte, as
/// Swift raw string literals keyed `id@version`.
///
/// Usage: SpecEmbedder OUTPUT.swift SPEC_FOLDER RULES.json...
enum SpecEmbedder {
    static func main() -> Int32 {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count >= 2, let output = arguments.first else {
            FileHandle.standardError.write(Data("usage: SpecEmbedder OUTPUT.swift SPEC_FOLDER RULES.json...\n".utf8))
            return 2
        }
        var entries: [(key: String, text: String)] = []
        for path in arguments.dropFirst(2) {
            let url = URL(fileURLWithPath: path)
            let version = url.deletingLastPathComponent().lastPathComponent
            let id = url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
                !text.contains("\r")
            else {
                FileHandle.standardError.write(Data("\(path): not UTF-8 text with LF line endings\n".utf8))
                return 1
            }
            entries.append(("\(id)@\(version)", text))
        }
        entries.sort { $0.key < $1.key }
        var lines = [
            "// Generated at build time by the EmbedSpecs plugin from spec/*/*/rules.json.",
            "",
            "/// The shipped spec files, keyed `id@version`, byte for byte.",
            "enum BundledSpecs {",
            "    static let files: [String: String] = [",
        ]
        for entry in entries { lines.append("        \"\(entry.key)\": \(literal(entry.text)),") }
        lines += ["    ]", "}", ""]
        do {
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("\(output): \(error)\n".utf8))
            return 1
        }
        return 0
    }

    /// A multi-line raw string literal whose value is exactly `text`.
    static func literal(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
    }
}

exit(SpecEmbedder.main())
