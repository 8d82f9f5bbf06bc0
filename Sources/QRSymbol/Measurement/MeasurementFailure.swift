/// Why a symbol could not be measured from its pixels; each case carries the context to explain it.
public enum MeasurementFailure: Error, Sendable, Equatable {
    /// zbar gives exactly 4 corners; anything else cannot describe a QR symbol.
    case wrongCornerCount(Int)
    /// A corner coordinate is NaN or infinite.
    case nonFiniteCorner(index: Int)
    /// The corners do not form a convex quadrilateral in TL, BL, BR, TR order.
    case degenerateQuadrilateral
    /// A corner lies further outside the image than zbar's error can explain.
    case cornerOutsideImage(index: Int, x: Double, y: Double)
    /// The quadrilateral is too small to hold 21 modules of at least ~1.5 px.
    case symbolTooSmall(sidePx: Double)
    /// The dark and light levels inside the quadrilateral (0…1) are too close to separate.
    case lowContrast(dark: Double, light: Double)
    /// A finder pattern was not found near its corner.
    case finderPatternNotFound(FinderPosition)
    /// No candidate version's timing and alignment patterns matched the pixels well enough.
    case noVersionFits(bestVersion: Int, bestScore: Double)

    /// The three finder patterns, named by the symbol corner they sit in.
    public enum FinderPosition: String, Sendable, Equatable {
        case topLeft = "top-left"
        case topRight = "top-right"
        case bottomLeft = "bottom-left"
    }
}
