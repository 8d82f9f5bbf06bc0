import Foundation
import QRTestSupport
import Testing

/// `decode` of codes crafted to slip personal data past the masking, as an attacker would make them (issue 24):
/// every run of 9 or more digits in the payload is masked, whatever its length and whatever surrounds it.
@Suite("qrconform decode masks every long digit run", .serialized)
struct DecodeMaskingTests {
    struct Attack: Sendable, CustomTestStringConvertible {
        let name: String
        /// Python making `PATH` with segno (and Pillow), from scripts/.venv.
        let script: String
        let masked: String
        var testDescription: String { name }
    }

    static let copy =
        "001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1<HS4010120878821<0944713700<"
        + "lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX-FIHlXfPbo8aVHDN-apifYf9JPkUu-LCTQsHnTpM4ILO3G6pn76VaA"
    static let maskedCopy =
        "|NGUYEN LE KHA HAN|1987-**-**|0|***************100|<1<************821<*******700<"
        + "lGG_viH9k2k.1SGZr5H5hNgUjKBfJBMFvprYCMu9fWPX-FIHlXfPbo8aVHDN-apifYf9JPkUu-LCTQsHnTpM4ILO3G6pn76VaA"

    static let attacks: [Attack] = [
        Attack(
            name: "numeric mode: ID number, birth date and phone as 28 digits",
            script: """
                segno.make('0010930293171987011809447137', error='m', mode='numeric', micro=False)\
                .save(PATH, scale=8, border=4)
                """,
            masked: "*************************137"),
        Attack(
            name: "structured append: a signature's last letters run into the next copy's ID number",
            script: """
                seq = segno.make_sequence('\(copy + copy)', symbol_count=2, error='m', mode='byte')
                imgs = []
                for s in seq:
                    buf = io.BytesIO(); s.save(buf, kind='png', scale=8, border=4); buf.seek(0)
                    imgs.append(Image.open(buf).convert('L'))
                out = Image.new('L', (sum(i.width for i in imgs), max(i.height for i in imgs)), 255)
                x = 0
                for i in imgs:
                    out.paste(i, (x, 0)); x += i.width
                out.save(PATH)
                """,
            masked: "******029317" + maskedCopy + "*********317" + maskedCopy),
    ]

    static func image(_ attack: Attack, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("attack.png").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ProjectPython.interpreter())
        process.arguments = ["-c", "import io, segno\nfrom PIL import Image\nPATH = '\(path)'\n" + attack.script]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "segno failed")
        return path
    }

    @Test(arguments: attacks)
    func decodeShowsTheAttackPayloadMasked(_ attack: Attack) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qrconform-attack-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(["decode", try Self.image(attack, in: folder)])
        #expect(run.status == 0, "\(run.stderr)")
        let images = try #require(run.json?["images"] as? [[String: Any]])
        let symbols = try #require(images.first?["symbols"] as? [[String: Any]])
        #expect(symbols.map { $0["text"] as? String } == [attack.masked])
        #expect(symbols.allSatisfy { $0["data_b64"] is NSNull })
        let revealed = try CLIRunner.run(["decode", "--reveal-personal-data", try Self.image(attack, in: folder)])
        #expect(String(decoding: revealed.stdout, as: UTF8.self).contains("001093029317"))
    }
}
