extension MeasurementFailure: CustomStringConvertible {
    /// A sentence for reports: what could not be measured and why.
    public var description: String {
        switch self {
        case .wrongCornerCount(let n): "zbar gave \(n) corner points instead of 4"
        case .nonFiniteCorner(let i): "corner \(i + 1) is not a finite coordinate"
        case .degenerateQuadrilateral: "the corners do not form a convex quadrilateral"
        case .cornerOutsideImage(let i, let x, let y):
            "corner \(i + 1) (\(whole(x)), \(whole(y))) lies outside the image"
        case .symbolTooSmall(let side): "the symbol is too small to measure (\(whole(side)) px per side)"
        case .lowContrast(let dark, let light):
            "dark (\(whole(dark * 255))) and light (\(whole(light * 255))) grey levels are too close to tell modules apart"
        case .finderPatternNotFound(let position): "the \(position.rawValue) finder pattern was not found"
        case .noVersionFits(let version, let score):
            "no QR version fits the timing and alignment patterns (best: version \(version), \(whole(score * 100))% match)"
        }
    }

    /// A measured value rounded for a message; never traps, whatever the value.
    private func whole(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "\(value)" }
        return "\(Int(value.rounded()))"
    }
}
