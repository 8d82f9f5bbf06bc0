import Foundation

/// Reads typed members out of a JSON document, throwing a `SubmissionError` that names the file and pointer.
struct JSONObjectReader {
    let members: [String: JSONValue]
    let pointer: String
    let path: String

    /// Parses `data` and checks `format_version` before anything else.
    static func document(
        _ data: [UInt8], path: String, supported: ClosedRange<Int>
    ) throws(SubmissionError) -> JSONObjectReader {
        let root: JSONValue
        do {
            root = try StrictJSON.parse(data)
        } catch {
            throw SubmissionError.submission(code: .invalidJSON, path: path, cause: "not valid JSON: \(error)")
        }
        guard let members = root.objectValue else {
            throw SubmissionError.submission(
                code: .invalid, path: path, pointer: "", cause: "must be a JSON object, found \(root.typeName)")
        }
        let reader = JSONObjectReader(members: members, pointer: "", path: path)
        guard case .integer(let version)? = members["format_version"] else {
            throw reader.error(
                "/format_version", "missing or not an integer; the highest supported is \(supported.upperBound)",
                code: .unsupportedFormatVersion)
        }
        guard supported.contains(version) else {
            throw reader.error(
                "/format_version",
                "format_version \(version) is not supported; the highest supported is \(supported.upperBound)",
                code: .unsupportedFormatVersion)
        }
        return reader
    }

    func error(_ suffix: String, _ cause: String, code: SubmissionError.Code = .invalid) -> SubmissionError {
        SubmissionError.submission(code: code, path: path, pointer: pointer + suffix, cause: cause)
    }

    /// Fails on members other than these, so a typo is not silently ignored.
    func allowOnly(_ names: Set<String>) throws(SubmissionError) {
        if let unknown = members.keys.sorted().first(where: { !names.contains($0) }) {
            throw error("/" + unknown, "unknown member \"\(unknown)\"")
        }
    }

    func string(_ name: String, pattern: (String) -> Bool = { !$0.isEmpty }, expected: String = "a non-empty string")
        throws(SubmissionError) -> String
    {
        guard let value = members[name] else { throw error("/" + name, "missing; expected \(expected)") }
        guard let text = value.stringValue, pattern(text) else {
            throw error("/" + name, "expected \(expected), found \(Self.shown(value))")
        }
        return text
    }

    func optionalNumber(_ name: String) throws(SubmissionError) -> Double? {
        switch members[name] {
        case nil, .null?: return nil
        case .integer(let value)? where value > 0: return Double(value)
        case .number(let value)? where value > 0 && value.isFinite: return value
        case let value?: throw error("/" + name, "expected a positive number, found \(Self.shown(value))")
        }
    }

    func object(_ name: String) throws(SubmissionError) -> JSONObjectReader {
        guard let value = members[name] else { throw error("/" + name, "missing; expected an object") }
        guard let object = value.objectValue else {
            throw error("/" + name, "expected an object, found \(value.typeName)")
        }
        return JSONObjectReader(members: object, pointer: pointer + "/" + name, path: path)
    }

    /// The members of an array of objects, each with its own pointer.
    func objects(_ name: String, nonEmpty: Bool = true) throws(SubmissionError) -> [JSONObjectReader] {
        guard let value = members[name] else { throw error("/" + name, "missing; expected an array") }
        guard case .array(let items) = value else {
            throw error("/" + name, "expected an array, found \(value.typeName)")
        }
        if nonEmpty && items.isEmpty { throw error("/" + name, "must not be empty") }
        var readers: [JSONObjectReader] = []
        for (index, item) in items.enumerated() {
            guard let object = item.objectValue else {
                throw error("/\(name)/\(index)", "expected an object, found \(item.typeName)")
            }
            readers.append(JSONObjectReader(members: object, pointer: pointer + "/\(name)/\(index)", path: path))
        }
        return readers
    }

    func strings(_ name: String) throws(SubmissionError) -> [String] {
        guard case .array(let items)? = members[name] else { throw error("/" + name, "missing or not an array") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw error("/\(name)/\(index)", "expected a string, found \(item.typeName)")
            }
            result.append(text)
        }
        return result
    }

    /// A short type-and-value description for messages; long strings are cut.
    static func shown(_ value: JSONValue) -> String {
        guard let text = value.stringValue else { return value.typeName }
        return text.count > 40 ? "\"\(text.prefix(40))…\"" : "\"\(text)\""
    }
}
