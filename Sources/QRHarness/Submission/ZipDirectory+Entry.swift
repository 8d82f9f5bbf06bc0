import Foundation

extension ZipDirectory {
    /// One central-directory record, checked against its local header: where its data lies and what it holds.
    struct Entry: Equatable {
        /// A file, a folder or a symbolic link, as the record's attributes (or a trailing `/`) say.
        enum Kind: Equatable {
            case file, directory, symlink
        }

        /// The name's bytes as stored.
        let name: [UInt8]
        /// The name as text: UTF-8 when the record's flag says so ("" if it is not UTF-8), else code page 437.
        let path: String
        let kind: Kind
        let crc32: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let localHeaderOffset: UInt64
        /// 0 stored, 8 deflate (nothing else is accepted).
        let method: UInt64
        /// Where the entry's data starts (after its local header), set once the local header is checked.
        var dataOffset: UInt64 = 0

        var printableName: String { SubmissionEntryPath.printable(String(decoding: name, as: UTF8.self)) }

        /// The name as text, by general-purpose flag bit 11 (the name is UTF-8).
        static func path(of name: [UInt8], flags: UInt64) -> String {
            guard flags & 0x800 != 0 else { return CodePage437.decode(name) }
            return String(data: Data(name), encoding: .utf8) ?? ""
        }

        /// The kind from the system that made the record (the high byte of "version made by") and its external
        /// attributes: a Unix mode's file type, an MS-DOS folder attribute, else a name ending in `/` is a folder.
        static func kind(madeBy: UInt64, attributes: UInt64, path: String) -> Kind {
            switch madeBy >> 8 {
            case 3, 19:  // Unix and macOS keep the mode in the attributes' high half.
                switch attributes >> 16 & 0o170000 {
                case 0o100000: return .file
                case 0o040000: return .directory
                case 0o120000: return .symlink
                default: break
                }
            case 0:  // MS-DOS: the folder attribute (0x10) with no attribute bit above it, as read before.
                if attributes >> 4 == 1 { return .directory }
            default: break
            }
            return path.hasSuffix("/") ? .directory : .file
        }
    }
}
