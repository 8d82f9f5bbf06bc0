// The libFuzzer entry point of every fuzz target; built only with `make fuzz` (QRCONFORM_FUZZ=1 adds this target to
// Package.swift, compiled with -sanitize=fuzzer,address and -parse-as-library so libFuzzer's `main` runs).
// The target is chosen by QRFUZZ_TARGET (see `FuzzTarget`); each input must give a value or a typed error, and a
// crash, trap or sanitizer report is a finding.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CLibFuzzer
import Foundation
import QRConformance
import QRHarness
@testable import QRImaging

/// One fuzzed input surface of the CLI.
enum FuzzTarget: String, CaseIterable, Sendable {
    case pngChunks = "png-chunks"
    case png
    case payload
    case manifest
    case testPlan = "test-plan"
    case trustList = "trust-list"
    case spec
    case zip
    case shardReport = "shard-report"

    static let selected: FuzzTarget? = getenv("QRFUZZ_TARGET").flatMap { FuzzTarget(rawValue: String(cString: $0)) }

    /// Small enough that one input stays fast; the limit checks themselves are part of what is fuzzed.
    static let imageLimits = ImageLimits(maxPixels: 1 << 20, maxFileBytes: 1 << 20)
    static let submissionLimits = SubmissionLimits(maxEntries: 64, maxTotalBytes: 1 << 20, maxArchiveBytes: 1 << 20)

    func run(_ bytes: [UInt8]) {
        switch self {
        case .pngChunks: _ = try? PNGChunkReader.read(bytes)
        case .png: _ = try? PNGDecoder.decode(bytes, path: "fuzz.png", limits: Self.imageLimits)
        case .payload: _ = PersonalQRPayload.parse(bytes: bytes)
        case .manifest: _ = try? SubmissionManifest.decode(bytes, path: "fuzz/submission.json")
        case .testPlan: _ = try? TestPlan.decode(bytes, path: "fuzz-test-plan.json")
        case .trustList: _ = try? TrustList.parse(data: bytes, path: "fuzz.jwks.json")
        case .spec: _ = try? SpecLoader.load(data: Data(bytes), origin: "fuzz-rules.json")
        case .zip: _ = try? SubmissionReader.readZip(Data(bytes), source: "fuzz.zip", limits: Self.submissionLimits)
        case .shardReport:
            // As `merge` reads a shard: the strict decoder, then the merge itself.
            guard let report = try? StrictJSONDecoder().decode(CheckReport.self, from: bytes, file: "fuzz.json")
            else { return }
            _ = try? ShardMerge.merge([report])
        }
    }
}

/// The program's entry point (SwiftPM links `main` to `qrfuzz_main`): hands the arguments to libFuzzer's driver.
@_cdecl("qrfuzz_main")
public func qrfuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = FuzzTarget.selected else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        _ = "qrfuzz: set QRFUZZ_TARGET to one of: \(names)\n".withCString { write(2, $0, strlen($0)) }
        exit(2)
    }
    let bytes = data.map { [UInt8](UnsafeBufferPointer(start: $0, count: size)) } ?? []
    target.run(bytes)
    return 0
}
