/// The one JSON parser of every input the suite reads (specs, trust lists, test plans, manifests, reports).
///
/// RFC 8259 without leniency: duplicate member names (where readers disagree on which one wins), trailing commas,
/// comments, a byte-order mark, invalid UTF-8, lone surrogates and nesting deeper than 256 are refused with the line
/// and column. Integers that fit `Int` stay `.integer`, as spec parameter types need.
///
/// ```swift
/// let value = try StrictJSON.parse(Array(#"{"keys": []}"#.utf8))
/// ```
public enum StrictJSON {
    public static let maxDepth = 256

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try parseNodes(bytes).value
    }

    /// The tree with each value's byte offset, for `StrictJSONDecoder` to say where a value it refuses stands.
    static func parseNodes(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = Parser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw parser.error(at: 0, "a byte-order mark; save the file as UTF-8 without BOM")
        }
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error(at: parser.index, "unexpected data after the JSON value")
        }
        return value
    }

    /// The line and column (1-based, counting characters, not bytes) of a byte offset.
    static func location(of position: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(max(position, 0), bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        /// The member names and array indices down to the value being read: the JSON Pointer of an error.
        var path: [String] = []

        func error(at position: Int, _ problem: String) -> JSONSyntaxError {
            let (line, column) = StrictJSON.location(of: position, in: bytes)
            return JSONSyntaxError(line: line, column: column, problem: problem, pointer: JSONPointer.text(path))
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
            guard current == byte else { throw unexpected(expected: what) }
            index += 1
        }

        func unexpected(expected: String) -> JSONSyntaxError {
            guard let byte = current else { return error(at: index, "the document ends early; expected \(expected)") }
            let shown =
                (0x21...0x7E).contains(byte)
                ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
            return error(at: index, "expected \(expected), found \(shown)")
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
            guard depth < StrictJSON.maxDepth else {
                throw error(at: index, "nested deeper than \(StrictJSON.maxDepth) levels")
            }
            let start = index
            let kind: JSONNode.Kind
            switch current {
            case 0x7B?: kind = try object(depth: depth)
            case 0x5B?: kind = try array(depth: depth)
            case 0x22?: kind = .string(try string())
            case 0x74?: kind = try literal("true", .bool(true))
            case 0x66?: kind = try literal("false", .bool(false))
            case 0x6E?: kind = try literal("null", .null)
            case let byte? where byte == 0x2D || (0x30...0x39).contains(byte): kind = try number()
            default: throw unexpected(expected: "a value")
            }
            return JSONNode(offset: start, kind: kind)
        }

        mutating func literal(_ word: String, _ value: JSONNode.Kind) throws(JSONSyntaxError) -> JSONNode.Kind {
            let expected = Array(word.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw unexpected(expected: "a value")
            }
            index += expected.count
            return value
        }

        mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONNode.Kind {
            index += 1
            var members: [String: JSONNode] = [:]
            skipWhitespace()
            if current == 0x7D {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                let keyStart = index
                guard current == 0x22 else {
                    throw current == 0x7D
                        ? error(at: index, "a trailing comma before '}'")
                        : unexpected(expected: "a member name in quotes")
                }
                let key = try string()
                path.append(key)
                guard members[key] == nil else {
                    throw error(at: keyStart, "duplicate member \"\(key)\"; each name may appear once per object")
                }
                skipWhitespace()
                try expect(0x3A, "':' after the member name")
                skipWhitespace()
                members[key] = try value(depth: depth + 1)
                path.removeLast()
                skipWhitespace()
                if current == 0x2C {
                    index += 1
                    continue
                }
                try expect(0x7D, "',' or '}'")
                return .object(members)
            }
        }

        mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONNode.Kind {
            index += 1
            var items: [JSONNode] = []
            skipWhitespace()
            if current == 0x5D {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                if current == 0x5D { throw error(at: index, "a trailing comma before ']'") }
                path.append(String(items.count))
                items.append(try value(depth: depth + 1))
                path.removeLast()
                skipWhitespace()
                if current == 0x2C {
                    index += 1
                    continue
                }
                try expect(0x5D, "',' or ']'")
                return .array(items)
            }
        }

        mutating func string() throws(JSONSyntaxError) -> String {
            let start = index
            index += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() throws(JSONSyntaxError) {
                guard !raw.isEmpty else { return }
                guard let text = String(validating: raw, as: UTF8.self) else {
                    throw error(at: start, "a string that is not valid UTF-8")
                }
                scalars.append(contentsOf: text.unicodeScalars)
                raw.removeAll()
            }
            while true {
                guard let byte = current else { throw error(at: start, "a string that is never closed") }
                switch byte {
                case 0x22:
                    index += 1
                    try flush()
                    return String(scalars)
                case 0x5C:
                    try flush()
                    scalars.append(try escape())
                case ..<0x20:
                    throw error(at: index, "a control character in a string; write it as an escape")
                default:
                    raw.append(byte)
                    index += 1
                }
            }
        }

        mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
            let start = index
            index += 1
            guard let byte = current else { throw error(at: start, "a string that is never closed") }
            index += 1
            switch byte {
            case 0x22: return "\""
            case 0x5C: return "\\"
            case 0x2F: return "/"
            case 0x62: return "\u{08}"
            case 0x66: return "\u{0C}"
            case 0x6E: return "\n"
            case 0x72: return "\r"
            case 0x74: return "\t"
            case 0x75:
                let unit = try hex4(start)
                if (0xD800...0xDBFF).contains(unit) {
                    guard current == 0x5C, index + 1 < bytes.count, bytes[index + 1] == 0x75 else {
                        throw error(at: start, "a lone surrogate escape")
                    }
                    index += 2
                    let low = try hex4(start)
                    guard (0xDC00...0xDFFF).contains(low),
                        let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    else { throw error(at: start, "a lone surrogate escape") }
                    return scalar
                }
                guard let scalar = Unicode.Scalar(unit) else { throw error(at: start, "a lone surrogate escape") }
                return scalar
            default:
                throw error(at: start, "an unknown escape in a string")
            }
        }

        mutating func hex4(_ start: Int) throws(JSONSyntaxError) -> UInt32 {
            guard bytes.count - index >= 4 else { throw error(at: start, "a \\u escape without 4 hex digits") }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                    throw error(at: start, "a \\u escape without 4 hex digits")
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }

        mutating func number() throws(JSONSyntaxError) -> JSONNode.Kind {
            let start = index
            func digits() -> Int {
                let first = index
                while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
                return index - first
            }
            if current == 0x2D { index += 1 }
            let integerStart = index
            guard digits() > 0 else { throw error(at: start, "a number without digits") }
            if bytes[integerStart] == 0x30, index - integerStart > 1 {
                throw error(at: start, "a number with a leading zero")
            }
            var integral = true
            if current == 0x2E {
                index += 1
                integral = false
                guard digits() > 0 else { throw error(at: start, "a number without digits after '.'") }
            }
            if current == 0x65 || current == 0x45 {
                index += 1
                integral = false
                if current == 0x2B || current == 0x2D { index += 1 }
                guard digits() > 0 else { throw error(at: start, "a number without digits in its exponent") }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if integral, let value = Int(text) { return .integer(value) }
            guard let value = Double(text), value.isFinite else { throw error(at: start, "a number out of range") }
            return .number(value)
        }
    }
}

/// Where and why a JSON document is malformed; readers put it after the file's path.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let problem: String
    /// The JSON Pointer of the value being read (RFC 6901; empty at the top level).
    public let pointer: String

    public init(line: Int, column: Int, problem: String, pointer: String = "") {
        self.line = line
        self.column = column
        self.problem = problem
        self.pointer = pointer
    }

    /// The place and problem, with the pointer when the problem is inside the top-level value.
    public var description: String {
        "line \(line), column \(column): \(problem)" + (pointer.isEmpty ? "" : " (at \(pointer))")
    }
}
