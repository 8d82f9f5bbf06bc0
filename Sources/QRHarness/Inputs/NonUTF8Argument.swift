#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An argument whose bytes are not valid UTF-8, such as a Latin-1 file name. Swift's `CommandLine.arguments`
/// replaces such bytes with U+FFFD, so the file it names could never be opened and the user would only read
/// "no such file"; the run stops at once instead, naming the argument with its bad bytes escaped (`\xFF`).
///
/// Reading those names from the raw bytes instead would need every file access to carry bytes rather than a
/// `String`, including the paths handed to worker processes, so qrconform asks for UTF-8 names.
public struct NonUTF8Argument: Equatable, CustomStringConvertible {
    /// The position in argv (1 is the first argument after the program).
    public let index: Int
    /// The argument with each byte that is not part of valid UTF-8 shown as `\xHH`.
    public let escaped: String

    public var description: String {
        "argument \(index), \"\(escaped)\", is not valid UTF-8: Swift hands a program its arguments as UTF-8 text, "
            + "so a file with this name cannot be opened; rename it to a UTF-8 name "
            + "(e.g. convmv -f latin1 -t utf8 --notest FILE) or link it under one"
    }

    /// The arguments of `argv` (the program's name excluded) that are not valid UTF-8.
    public static func find(in argv: [[UInt8]]) -> [NonUTF8Argument] {
        argv.enumerated().dropFirst().compactMap { index, bytes in
            escape(bytes).map { NonUTF8Argument(index: index, escaped: $0) }
        }
    }

    /// The raw arguments of this process, as the kernel gave them.
    public static func processArguments() -> [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
            return Array(UnsafeBufferPointer(start: bytes, count: strlen(pointer)))
        }
    }

    /// The bytes as text with invalid bytes escaped, or nil when they are valid UTF-8.
    public static func escape(_ bytes: [UInt8]) -> String? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var text = ""
        var valid = true
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                valid = false
                for byte in bytes[offset..<offset + length] { text += "\\x" + hex(byte) }
                offset += length
            case .emptyInput:
                return valid ? nil : text
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
