import Foundation
import QRConformance
import QRHarness
import QRImaging
import QRTestSupport
import Testing

/// The worker configuration frame: what the driver sends comes back in the worker as the same options, parsed from
/// the bytes in the frame, and bytes that are not the ones the report names are refused.
@Suite struct WorkerConfigurationTests {
    static let specPath = Repository.root.appendingPathComponent("spec/vn-personal-qr/1.2/rules.json").path
    static let trustPath = Repository.root.appendingPathComponent("TestVectors/keys/test-trust-list.jwks.json").path

    /// One way the driver can be configured.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let spec: String
        let trustList: Bool
        let time: Date
        let ppi: Double?
        let mode: DisplayMode?
        let reveal: Bool
        let limits: ImageLimits
        let scannability: Bool

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "bundled spec, no trust list, defaults", spec: SpecCatalog.defaultID, trustList: false,
            time: Date(timeIntervalSince1970: 1_768_435_200), ppi: nil, mode: nil, reveal: false, limits: .default,
            scannability: false),
        Case(
            name: "spec file, trust list, every option set, a time with a fraction of a second", spec: specPath,
            trustList: true, time: Date(timeIntervalSince1970: 1_768_435_200.123_456_7), ppi: 416.5,
            mode: .default, reveal: true, limits: ImageLimits(maxPixels: 12_345, maxFileBytes: 678_901),
            scannability: true),
        Case(
            name: "a time before 1970 and a full display mode", spec: "vn-personal-qr@1.2", trustList: true,
            time: Date(timeIntervalSince1970: -86_399.75), ppi: 1, mode: .full, reveal: false, limits: .default,
            scannability: true),
    ]

    /// The driver's side: the options and the configuration, as `check` builds them.
    static func driver(_ c: Case) throws -> (CheckOptions, WorkerConfiguration) {
        let (spec, source) = try SpecFile.loadWithSource(idOrPath: c.spec)
        let trust = c.trustList ? try TrustListFile.load(path: trustPath) : nil
        var options = CheckOptions(
            spec: spec, validationTime: c.time, ppiOverride: c.ppi, revealPersonalData: c.reveal, limits: c.limits,
            trustList: trust?.trustList, trustListSHA256: trust?.sha256, displayMode: c.mode)
        options.scannability = c.scannability
        let configuration = WorkerConfiguration(
            options: options, spec: source, trustList: trust.map { (trustPath, $0.bytes) })
        return (options, configuration)
    }

    /// Sends a configuration through the frame and decodes it the way the worker does.
    static func throughFrame(_ configuration: WorkerConfiguration) throws -> WorkerConfiguration {
        var frame = try WorkerFrame.encode(configuration: configuration)
        #expect(frame.last == 0x0A)
        frame.removeLast()
        #expect(!frame.contains(0x0A), "the frame is one line")
        return try WorkerFrame.decodeConfiguration(line: frame)
    }

    @Test("the worker's options are the driver's", arguments: cases)
    func roundTrip(_ c: Case) throws {
        let (sent, configuration) = try Self.driver(c)
        let received = try Self.throughFrame(configuration)
        #expect(received == configuration)
        let options = try received.options()
        #expect(options.spec == sent.spec)
        #expect(options.validationTime == sent.validationTime)
        #expect(
            options.validationTime.timeIntervalSinceReferenceDate.bitPattern
                == sent.validationTime.timeIntervalSinceReferenceDate.bitPattern)
        #expect(options.ppiOverride == sent.ppiOverride)
        #expect(options.revealPersonalData == sent.revealPersonalData)
        #expect(options.limits == sent.limits)
        #expect(options.trustList == sent.trustList)
        #expect(options.trustListSHA256 == sent.trustListSHA256)
        #expect(options.displayMode == sent.displayMode)
        #expect(options.scannability == sent.scannability)
    }

    @Test("a bundled spec crosses as its key, a spec file as its bytes")
    func specSource() throws {
        let (_, bundled) = try Self.driver(Self.cases[0])
        #expect(bundled.spec.source == .bundled(key: "vn-personal-qr@1.1"))
        let (_, file) = try Self.driver(Self.cases[1])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.specPath))
        #expect(file.spec.source == .file(path: Self.specPath, bytes: bytes))
        #expect(file.trustList?.bytes == (try Data(contentsOf: URL(fileURLWithPath: Self.trustPath))))
    }

    @Test("spec or trust list bytes that are not the ones the report names are refused, saying which and why")
    func changedBytesAreRefused() throws {
        let (_, configuration) = try Self.driver(Self.cases[1])
        guard case .file(let path, let bytes) = configuration.spec.source else {
            Issue.record("expected a spec file")
            return
        }
        var spec = configuration
        // Same length, one byte different: what a file edited during the run would give.
        var edited = bytes
        edited[edited.startIndex + 10] ^= 0x01
        spec.spec.source = .file(path: path, bytes: edited)
        var trust = configuration
        trust.trustList?.bytes.append(0x20)
        var bundled = try Self.driver(Self.cases[0]).1
        bundled.spec.sha256 = String(repeating: "0", count: 64)
        for (changed, code, message) in [
            (spec, WorkerConfigurationError.Code.specChanged, "the spec \(Self.specPath): changed"),
            (trust, .trustListChanged, "the trust list \(Self.trustPath): changed"),
            (bundled, .specChanged, "the spec bundled:vn-personal-qr@1.1: changed"),
        ] {
            let received = try Self.throughFrame(changed)
            do {
                _ = try received.options()
                Issue.record("expected \(code)")
            } catch {
                #expect(error.code == code)
                #expect(error.description.hasPrefix(message), "\(error)")
                #expect(error.description.contains("while the run was going on"))
                #expect(error.description.contains("the report names "))
            }
        }
    }

    @Test("a first line that is not a configuration is refused, naming stdin")
    func unreadableFrame() {
        do {
            _ = try WorkerFrame.decodeConfiguration(line: Data(#"{"index":0,"path":"a.png"}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unreadableFrame)
            #expect(error.description.hasPrefix("(stdin): the first line is not a worker configuration"))
        }
    }
}
