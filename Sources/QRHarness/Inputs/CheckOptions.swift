import Foundation
import QRConformance
import QRImaging

/// What a check run judges against and how it reports: the spec, the validation clock, overrides and limits.
public struct CheckOptions: Sendable {
    public var spec: LoadedSpec
    /// The instant the check is made as of (`--at`); injected so reruns give identical reports.
    public var validationTime: Date
    /// Pixel density from the command line; overrides the PNG's pHYs.
    public var ppiOverride: Double?
    public var revealPersonalData: Bool
    public var limits: ImageLimits
    /// The keys signatures are verified against (`--trust-list`); nil when none was given.
    public var trustList: TrustList?
    /// SHA-256 of the trust list file's bytes, for the report.
    public var trustListSHA256: String?
    /// The display mode the screenshots show (`--display-mode`); nil skips the display rules and the OCR.
    public var displayMode: DisplayMode?
    /// Run the scannability ladder (SYM-019): always in `certify`, with `--scannability` in `check`; off, the rule
    /// is not applicable and says how to turn it on.
    public var scannability = false

    public init(
        spec: LoadedSpec, validationTime: Date, ppiOverride: Double? = nil, revealPersonalData: Bool = false,
        limits: ImageLimits = .default, trustList: TrustList? = nil, trustListSHA256: String? = nil,
        displayMode: DisplayMode? = nil
    ) {
        self.displayMode = displayMode
        self.trustList = trustList
        self.trustListSHA256 = trustListSHA256
        self.spec = spec
        self.validationTime = validationTime
        self.ppiOverride = ppiOverride
        self.revealPersonalData = revealPersonalData
        self.limits = limits
    }
}

extension CheckOptions {
    /// The run-level harness error when the spec requires signatures and no trust list was given:
    /// nobody certifies unverified work by forgetting a flag.
    public var missingTrustListError: QRConformance.ImageError? {
        guard trustList == nil, SignatureRules.requiresTrustList(spec: spec.spec) else { return nil }
        return QRConformance.ImageError(
            .noTrustList,
            message: "no trust list given: spec \(spec.spec.id) \(spec.spec.version) requires signatures; "
                + "pass --trust-list FILE (a JWKS of the certification centre's keys)")
    }
}
