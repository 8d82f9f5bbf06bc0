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

    public init(
        spec: LoadedSpec, validationTime: Date, ppiOverride: Double? = nil, revealPersonalData: Bool = false,
        limits: ImageLimits = .default
    ) {
        self.spec = spec
        self.validationTime = validationTime
        self.ppiOverride = ppiOverride
        self.revealPersonalData = revealPersonalData
        self.limits = limits
    }
}
