import Foundation
import QRConformance
import QRHarness
import Testing

/// Crafted zips, built from bytes: each is refused with a typed error naming what is wrong, never a trap.
struct ZipDirectoryTests {
    typealias Z = ZipBytes

    static let hello = Z.File(name: "a.png", data: Array("hello".utf8))
    /// "hello hello hello hello world" (29 bytes) as raw deflate, and its CRC-32.
    static let deflated: [UInt8] = [203, 72, 205, 201, 201, 87, 200, 192, 32, 203, 243, 139, 114, 82, 0]
    static let deflatedText = Z.File(
        name: "a.png", data: deflated, method: 8, crc32: 0x3434_6533, uncompressedSize: 29)

    /// Name, archive bytes, expected code and cause.
    static let cases: [(String, [UInt8], SubmissionError.Code, String)] = {
        let good = Z.archive([hello])
        let b = Z.File(name: "b.png", data: Array("world".utf8))
        var encrypted = hello
        var crc = hello
        var offset = hello
        var bzip2 = hello
        encrypted.flags = 1
        crc.crc32 = 0xDEAD_BEEF
        offset.offsetOverride = 0x7FFF_FFFF
        bzip2.method = 12
        let huge = Z.File(name: "b.png", data: [0x03, 0x00], method: 8, uncompressedSize: .max)
        var inner = b
        inner.offsetOverride = 35
        var outer = hello
        outer.data = Z.localHeader(b) + b.data
        var overlapping = Z.archive([outer])
        // A second directory entry pointing inside a.png's data, where a local header for b.png is hidden.
        overlapping =
            Array(overlapping[..<75]) + Z.directoryEntry(outer, offset: 0) + Z.directoryEntry(inner, offset: 0)
            + Z.le(0x0605_4B50, 4) + Z.le(0, 4) + Z.le(2, 2) + Z.le(2, 2) + Z.le(102, 4) + Z.le(75, 4) + Z.le(0, 2)
        var garbled = good
        garbled.replaceSubrange(40..<44, with: Array("XXXX".utf8))
        var cutShort = deflatedText
        var tooLong = deflatedText
        var garbage = deflatedText
        var short = deflatedText
        var trailing = deflatedText
        short.uncompressedSize = 30
        trailing.data = deflated + [0]
        // Found by the zip fuzz target: ZIPFoundation's inflate loop never ends on a deflate stream cut short.
        cutShort.data = Array(deflated.dropLast(3))
        tooLong.uncompressedSize = 28
        garbage.data = [0xFF, 0xFF, 0xFF, 0xFF]
        var link = hello
        link.attributes = 0o120777 << 16
        return [
            (
                "deflate stream cut short", Z.archive([cutShort]), .corruptZip,
                "entry \"a.png\" is damaged: its deflate data is cut short after 26 unpacked bytes"
            ),
            (
                "deflate stream longer than declared", Z.archive([tooLong]), .tooLarge,
                "entry \"a.png\" unpacks to more than the 28 bytes the zip records; refused as a possible zip bomb"
            ),
            (
                "deflate stream shorter than declared", Z.archive([short]), .corruptZip,
                "entry \"a.png\" is damaged: it unpacks to 29 bytes, fewer than the zip records"
            ),
            (
                "bytes after the deflate stream", Z.archive([trailing]), .corruptZip,
                "entry \"a.png\" is damaged: bytes follow the end of its deflate data"
            ),
            (
                "deflate data that is not deflate", Z.archive([garbage]), .corruptZip,
                "entry \"a.png\" is damaged: its deflate data is damaged (invalid block type)"
            ),
            (
                "zip64 size 2^64-1 after a smaller entry", Z.archive([hello, huge]), .tooLarge,
                "the entries declare to more than 134217728 bytes; refused as a possible zip bomb"
            ),
            (
                "zip64 end record offset 2^62",
                Z.archive([hello], end: .init(zip64: true, zip64RecordOffsetOverride: 1 << 62)),
                .corruptZip,
                "the zip64 end-of-central-directory locator points to offset 4611686018427387904, not to the record just before it (file of 189 bytes)"
            ),
            (
                "zip64 directory offset 2^62",
                Z.archive([hello], end: .init(zip64: true, directoryOffsetOverride: 1 << 62)),
                .corruptZip,
                "the central directory (offset 4611686018427387904, 51 bytes) lies outside the file (189 bytes)"
            ),
            (
                "entry offset 0x7FFFFFFF", Z.archive([offset]), .corruptZip,
                "entry \"a.png\": no local header at offset 2147483647 (file of 113 bytes)"
            ),
            (
                "directory offset 0xFFFFFF00", Z.archive([hello], end: .init(directoryOffsetOverride: 0xFFFF_FF00)),
                .corruptZip,
                "the central directory (offset 4294967040, 51 bytes) lies outside the file (113 bytes)"
            ),
            (
                "CRC 0xDEADBEEF", Z.archive([crc]), .corruptZip,
                "entry \"a.png\" is damaged: its CRC-32 is 0x3610A686 but the zip records 0xDEADBEEF"
            ),
            (
                "garbled central directory", garbled, .corruptZip,
                "central directory entry 1 at offset 40 is garbled (no entry signature)"
            ),
            (
                "encrypted entry", Z.archive([encrypted]), .corruptZip,
                "entry \"a.png\" is encrypted; encrypted zips are refused"
            ),
            (
                "prepended garbage", Z.archive([hello], prefix: Array("MZ garbage".utf8)), .corruptZip,
                "the central directory ends at offset 91 but the end record is at 101: data was prepended to the zip or its directory is damaged"
            ),
            (
                "symbolic link by its Unix mode", Z.archive([link]), .unsafeEntry,
                "entry \"a.png\" is a symbolic link; links are refused"
            ),
            ("overlapping entries", overlapping, .corruptZip, "entries \"a.png\" and \"b.png\" overlap in the file"),
            (
                "bzip2 entry", Z.archive([bzip2]), .corruptZip,
                "entry \"a.png\" uses compression method 12; only stored and deflate are read"
            ),
            (
                "truncated", Array(good.dropLast(30)), .corruptZip,
                "not a zip archive: no end-of-central-directory record"
            ),
            ("empty file", [], .corruptZip, "not a zip archive: too short for an end-of-central-directory record"),
        ]
    }()

    @Test(arguments: cases.map(\.0))
    func craftedZipsAreTypedReadErrors(_ name: String) throws {
        let (_, bytes, code, cause) = try #require(Self.cases.first { $0.0 == name })
        #expect(throws: SubmissionError.submission(code: code, path: "crafted.zip", cause: cause)) {
            try SubmissionReader.readZip(Data(bytes), source: "crafted.zip")
        }
    }

    @Test func wellFormedZipsFromBytesRead() throws {
        let manifest = Z.File(name: "submission.json", data: Array("{}".utf8))
        for end in [Z.End(), Z.End(zip64: true)] {
            let contents = try SubmissionReader.readZip(
                Data(Z.archive([Self.hello, manifest], end: end)), source: "ok.zip")
            #expect(contents.files == ["a.png": Array("hello".utf8)])
            #expect(contents.manifest == Array("{}".utf8))
        }
        let deflated = try SubmissionReader.readZip(Data(Z.archive([Self.deflatedText])), source: "ok.zip")
        #expect(deflated.files == ["a.png": Array("hello hello hello hello world".utf8)])
    }

    /// Folders are skipped, by Unix mode, MS-DOS attribute or trailing slash; names without the UTF-8 flag are code
    /// page 437 (0x81 is ü), names with it UTF-8.
    @Test func foldersAndNameEncodingsFromTheDirectory() throws {
        let folder = Z.File(name: "shots/", data: [], attributes: 0o040755 << 16)
        let dosFolder = Z.File(name: "old", data: [], madeBy: 0x0014, attributes: 0x10)
        let slashFolder = Z.File(name: "other/", data: [], madeBy: 0x0A14, attributes: 0)
        var inside = Self.hello
        inside.name = "shots/a.png"
        var dos = Self.hello
        dos.name = "b.png"
        dos.nameBytes = Array("b".utf8) + [0x81] + Array(".png".utf8)
        var utf8 = Self.hello
        utf8.name = "cü.png"
        utf8.flags = 0x800
        let contents = try SubmissionReader.readZip(
            Data(Z.archive([folder, dosFolder, slashFolder, inside, dos, utf8])), source: "ok.zip")
        let hello = Array("hello".utf8)
        #expect(contents.files == ["shots/a.png": hello, "bü.png": hello, "cü.png": hello])
    }
}
