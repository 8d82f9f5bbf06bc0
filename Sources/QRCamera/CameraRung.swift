import QRSymbol

/// How a camera rung resamples the screen: averaging what each camera pixel covers, or sampling between pixels.
public enum CameraFilter: String, Sendable, Equatable, Codable, CaseIterable {
    /// Each camera pixel is the mean of the screen area it covers (a sensor with fill factor 1).
    case area
    /// Each camera pixel samples the screen at its centre, interpolating linearly: sampling the screen's pixel grid
    /// at a non-integer ratio without averaging, which is what makes moiré.
    case bilinear
}

/// One rung of the scannability ladder: the degradations a checkpoint camera adds, applied to the symbol's crop in
/// a fixed order (tilt, resample, contrast, gamma, blur, motion, glare, noise, JPEG; see `CameraSimulator`).
///
/// Every setting but the resolution is optional; a rung names only what it degrades.
public struct CameraRung: Sendable, Equatable, Codable {
    /// The family (`resolution`, `blur`, ...) and the rung's own label, e.g. `blur σ 1`.
    public var family: String
    public var label: String
    /// Camera pixels per unit of the ladder (per millimetre of screen, or per module).
    public var resolution: Double
    public var filter: CameraFilter
    public var tiltDegrees: Double?
    public var contrast: Double?
    public var gamma: Double?
    public var blurSigma: Double?
    public var motionPixels: Int?
    public var glareFraction: Double?
    public var noiseSigma: Double?
    public var jpegQuality: Int?
    /// The rung's position in the whole ladder, 1-based: what the noise generator's seed is offset by.
    public var index: Int

    public init(
        family: String, label: String, resolution: Double, filter: CameraFilter = .area, index: Int = 0,
        tiltDegrees: Double? = nil, contrast: Double? = nil, gamma: Double? = nil, blurSigma: Double? = nil,
        motionPixels: Int? = nil, glareFraction: Double? = nil, noiseSigma: Double? = nil, jpegQuality: Int? = nil
    ) {
        self.family = family
        self.label = label
        self.resolution = resolution
        self.filter = filter
        self.index = index
        self.tiltDegrees = tiltDegrees
        self.contrast = contrast
        self.gamma = gamma
        self.blurSigma = blurSigma
        self.motionPixels = motionPixels
        self.glareFraction = glareFraction
        self.noiseSigma = noiseSigma
        self.jpegQuality = jpegQuality
    }
}

/// The rungs of one family, mildest first.
public struct CameraFamily: Sendable, Equatable, Codable {
    public var name: String
    public var rungs: [CameraRung]

    public init(name: String, rungs: [CameraRung]) {
        self.name = name
        self.rungs = rungs
    }
}
