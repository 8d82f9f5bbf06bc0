import QRSymbol

/// What a checkpoint camera makes of a symbol's crop under one rung: the rung's degradations in their fixed order.
///
/// Order: tilt (at screen resolution), resample to the camera (`resolution` camera pixels per millimetre of screen,
/// or per module, with the rung's filter), contrast, gamma, Gaussian blur, motion blur, glare, noise, JPEG. Each
/// step ends rounded to 8 bits. Deterministic: the same crop, rung and seed give the same pixels on every run.
public enum CameraSimulator {
    /// The largest camera image side, in pixels; a rung that would make a bigger one is not run.
    public static let maximumSide = 4_096

    /// The camera image, or nil when the rung cannot apply to this crop (unknown density for a millimetre rung,
    /// or a camera image outside 1…`maximumSide` pixels a side).
    public static func render(
        _ crop: SymbolCrop, rung: CameraRung, unit: ScannabilityLadder.Unit, seed: UInt64
    ) -> GrayImage? {
        let screenPerUnit: Double
        switch unit {
        case .millimetre:
            guard let density = crop.screenPixelsPerMillimetre, density.isFinite, density > 0 else { return nil }
            screenPerUnit = density
        case .module:
            screenPerUnit = crop.modulePixels
        }
        let ratio = rung.resolution / screenPerUnit
        guard ratio.isFinite, ratio > 0 else { return nil }
        let width = (Double(crop.image.width) * ratio).rounded(.toNearestOrAwayFromZero)
        let height = (Double(crop.image.height) * ratio).rounded(.toNearestOrAwayFromZero)
        let limit = Double(maximumSide)
        guard width >= 1, height >= 1, width <= limit, height <= limit else { return nil }
        var image = crop.image
        if let degrees = rung.tiltDegrees { image = CameraTilt.tilt(image, degrees: degrees) }
        guard
            let resampled = CameraResampler.resample(image, width: Int(width), height: Int(height), filter: rung.filter)
        else { return nil }
        image = resampled
        if let factor = rung.contrast { image = CameraFilters.contrast(image, factor: factor) }
        if let gamma = rung.gamma { image = CameraFilters.gamma(image, gamma) }
        if let sigma = rung.blurSigma { image = CameraFilters.blur(image, sigma: sigma) }
        if let length = rung.motionPixels { image = CameraFilters.motion(image, length: length) }
        if let fraction = rung.glareFraction {
            let sx = Double(image.width) / Double(crop.image.width)
            let sy = Double(image.height) / Double(crop.image.height)
            let centre = Point(
                x: crop.corners.map(\.x).reduce(0, +) / 4 * sx, y: crop.corners.map(\.y).reduce(0, +) / 4 * sy)
            image = CameraFilters.glare(image, fraction: fraction, centre: centre, side: side(crop.corners) * sx)
        }
        if let sigma = rung.noiseSigma { image = CameraNoise.add(image, sigma: sigma, seed: seed, index: rung.index) }
        if let quality = rung.jpegQuality { image = CameraJPEG.compress(image, quality: quality) }
        return image
    }

    /// The mean length of the quadrilateral's four sides.
    static func side(_ corners: [Point]) -> Double {
        guard corners.count == 4 else { return 0 }
        var total = 0.0
        for i in 0..<4 {
            let a = corners[i]
            let b = corners[(i + 1) % 4]
            total += ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        }
        return total / 4
    }
}
