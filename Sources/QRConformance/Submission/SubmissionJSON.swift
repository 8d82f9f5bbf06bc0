/// Reads a submission input (`submission.json`, a test plan) with `StrictJSONDecoder`: `format_version` is checked on
/// the parsed tree before the body, then the type decodes itself, and any problem is a `SubmissionError` naming the
/// file and the JSON Pointer.
enum SubmissionJSON {
    static func decode<T: Decodable>(
        _ type: T.Type, _ bytes: [UInt8], path: String, supported: ClosedRange<Int>
    ) throws(SubmissionError) -> T {
        let document: StrictJSONDocument
        do {
            document = try StrictJSONDecoder().document(from: bytes, file: path)
        } catch {
            throw SubmissionError.submission(code: .invalidJSON, path: path, cause: "not valid JSON: \(error.cause)")
        }
        let root = document.value
        guard let members = root.objectValue else {
            throw SubmissionError.submission(
                code: .invalid, path: path, pointer: "", cause: "must be a JSON object, found \(root.typeName)")
        }
        guard case .integer(let version)? = members["format_version"] else {
            throw SubmissionError.submission(
                code: .unsupportedFormatVersion, path: path, pointer: "/format_version",
                cause: "missing or not an integer; the highest supported is \(supported.upperBound)")
        }
        guard supported.contains(version) else {
            throw SubmissionError.submission(
                code: .unsupportedFormatVersion, path: path, pointer: "/format_version",
                cause: "format_version \(version) is not supported; the highest supported is \(supported.upperBound)")
        }
        do {
            return try document.decode(type)
        } catch {
            throw SubmissionError.submission(code: .invalid, path: path, pointer: error.pointer, cause: error.problem)
        }
    }
}
