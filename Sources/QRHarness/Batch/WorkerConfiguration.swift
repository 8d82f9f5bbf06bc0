import Foundation
import QRConformance
import QRErrors
import QRImaging
import QRSymbol

/// Everything a batch worker needs to judge images exactly as its driver would, sent once as the first frame on
/// the worker's stdin: the spec and trust list as the bytes the driver read (never a path to read again), the
/// validation time to the bit, and the options. No option crosses as command-line text.
///
/// ```swift
/// let configuration = WorkerConfiguration(options: options, spec: source, trustList: (path, bytes))
/// let sameOptions = try configuration.options()   // in the worker: parsed from the bytes, digests checked
/// ```
public struct WorkerConfiguration: Codable, Sendable, Equatable {
    /// The spec: where it came from (a bundled key, or a file's path and exact bytes) and the digest the report names.
    public struct SpecInput: Codable, Sendable, Equatable {
        public var source: SpecSource
        /// Lowercase hex SHA-256 of the spec's bytes, as the driver's report names it.
        public var sha256: String

        public init(source: SpecSource, sha256: String) {
            self.source = source
            self.sha256 = sha256
        }
    }

    /// The trust list file's path (for messages and errors), its exact bytes and the digest the report names.
    public struct TrustListInput: Codable, Sendable, Equatable {
        public var path: String
        public var bytes: Data
        public var sha256: String

        public init(path: String, bytes: Data, sha256: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    public var spec: SpecInput
    public var trustList: TrustListInput?
    /// The validation time as seconds since the reference date: the `Double` a `Date` holds, so it round-trips to
    /// the bit (a printed timestamp would drop fractions of a second).
    public var validationTimeSinceReferenceDate: Double
    public var ppiOverride: Double?
    public var displayMode: DisplayMode?
    public var revealPersonalData: Bool
    public var maxPixels: Int
    public var maxFileBytes: Int
    public var scannability: Bool

    /// The instant images are judged as of.
    public var validationTime: Date { Date(timeIntervalSinceReferenceDate: validationTimeSinceReferenceDate) }

    /// The configuration that makes a worker judge with `options`.
    /// - Parameters:
    ///   - spec: where `options.spec` was loaded from (`SpecFile.loadWithSource`).
    ///   - trustList: the path and the bytes of the trust list file read for `options.trustList`; nil when none.
    public init(options: CheckOptions, spec: SpecSource, trustList: (path: String, bytes: [UInt8])?) {
        self.spec = SpecInput(source: spec, sha256: options.spec.sha256)
        self.trustList = trustList.map {
            TrustListInput(
                path: $0.path, bytes: Data($0.bytes), sha256: options.trustListSHA256 ?? Hashing.sha256Hex($0.bytes))
        }
        validationTimeSinceReferenceDate = options.validationTime.timeIntervalSinceReferenceDate
        ppiOverride = options.ppiOverride
        displayMode = options.displayMode
        revealPersonalData = options.revealPersonalData
        maxPixels = options.limits.maxPixels
        maxFileBytes = options.limits.maxFileBytes
        scannability = options.scannability
    }

    /// The driver's options, parsed from the bytes in the frame (no file is read); refused when the spec or trust list
    /// bytes are not the ones whose digest the driver's report names.
    public func options() throws(WorkerConfigurationError) -> CheckOptions {
        // A file's bytes are checked before they are parsed, so changed bytes read as changed, not as a bad spec.
        if case .file(let path, let bytes) = spec.source {
            try Self.check(digest: Hashing.sha256Hex(bytes), of: path, against: spec.sha256, in: .workerSpec)
        }
        let loaded: LoadedSpec
        loaded = try spec.source.load()
        try Self.check(digest: loaded.sha256, of: loaded.origin, against: spec.sha256, in: .workerSpec)
        var trust: TrustList?
        if let trustList {
            let bytes = [UInt8](trustList.bytes)
            try Self.check(
                digest: Hashing.sha256Hex(bytes), of: trustList.path, against: trustList.sha256, in: .workerTrustList)
            trust = try TrustList.parse(data: bytes, path: trustList.path)
        }
        var options = CheckOptions(
            spec: loaded, validationTime: validationTime, ppiOverride: ppiOverride,
            revealPersonalData: revealPersonalData,
            limits: ImageLimits(maxPixels: maxPixels, maxFileBytes: maxFileBytes),
            trustList: trust, trustListSHA256: trustList?.sha256, displayMode: displayMode)
        options.scannability = scannability
        return options
    }

    /// Refuses bytes whose digest is not the one the driver's report names.
    private static func check(
        digest: String, of path: String, against expected: String, in domain: QRError.Domain
    ) throws(WorkerConfigurationError) {
        guard digest != expected else { return }
        throw QRError(
            domain, code: domain == .workerSpec ? .specChanged : .trustListChanged, file: path,
            cause: "changed while the run was going on (sha256 \(digest), the report names \(expected))")
    }
}

/// Why a worker cannot judge for its driver: its configuration frame is unreadable, or the spec or trust list in it
/// is not the bytes the driver's report names. (An invalid spec or trust list is that file's own error.)
public typealias WorkerConfigurationError = QRError

extension QRError.Domain {
    /// The worker's configuration frame on stdin.
    public static let workerConfiguration = Self("worker-configuration")
    /// A spec whose bytes changed between the driver reading it and a worker getting it.
    public static let workerSpec = Self("worker-spec", fileLabel: "the spec ")
    /// A trust list whose bytes changed between the driver reading it and a worker getting it.
    public static let workerTrustList = Self("worker-trust-list", fileLabel: "the trust list ")
}

extension QRError.Code {
    /// The first line on stdin is not a configuration frame.
    public static let unreadableFrame = Self("unreadable-frame")
    /// The configuration cannot be encoded (a number that is not finite).
    public static let unencodable = Self("unencodable")
    /// The spec's bytes do not have the digest the report names.
    public static let specChanged = Self("spec-changed")
    /// The trust list's bytes do not have the digest the report names.
    public static let trustListChanged = Self("trust-list-changed")
}

extension QRError {
    /// The configuration frame could not be read or written; `path` is `(stdin)` or `(configuration)`.
    public static func workerConfiguration(code: Code, path: String, cause: String) -> Self {
        Self(.workerConfiguration, code: code, file: path, cause: cause)
    }
}
