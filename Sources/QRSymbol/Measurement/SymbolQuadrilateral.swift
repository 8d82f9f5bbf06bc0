/// zbar's four outer symbol corners (TL, BL, BR, TR), checked to be usable before any pixel is read.
struct SymbolQuadrilateral: Sendable {
    let topLeft: Point
    let bottomLeft: Point
    let bottomRight: Point
    let topRight: Point

    /// Mean side length in pixels.
    var meanSide: Double {
        ((topRight - topLeft).length + (bottomRight - bottomLeft).length + (bottomLeft - topLeft).length
            + (bottomRight - topRight).length) / 4
    }

    /// Unit vectors along the symbol's columns (u, left to right) and rows (v, top to bottom).
    var axes: (u: Point, v: Point)? {
        guard let u = ((topRight - topLeft) + (bottomRight - bottomLeft)).normalized,
            let v = ((bottomLeft - topLeft) + (bottomRight - topRight)).normalized
        else { return nil }
        return (u, v)
    }

    /// Validates count, finiteness, convexity, size and position against the image.
    init(corners: [Point], imageWidth: Int, imageHeight: Int) throws(MeasurementFailure) {
        guard corners.count == 4 else { throw .wrongCornerCount(corners.count) }
        for (index, corner) in corners.enumerated() where !(corner.x.isFinite && corner.y.isFinite) {
            throw .nonFiniteCorner(index: index)
        }
        topLeft = corners[0]
        bottomLeft = corners[1]
        bottomRight = corners[2]
        topRight = corners[3]
        let ordered = [topLeft, bottomLeft, bottomRight, topRight]
        let side = meanSide
        let margin = max(6, min(0.05 * side, 40))
        for (index, corner) in ordered.enumerated() {
            let outside =
                corner.x < -margin || corner.y < -margin || corner.x > Double(imageWidth) + margin
                || corner.y > Double(imageHeight) + margin
            if outside { throw .cornerOutsideImage(index: index, x: corner.x, y: corner.y) }
        }
        var signs: [Bool] = []
        for i in 0..<4 {
            let a = ordered[(i + 1) % 4] - ordered[i]
            let b = ordered[(i + 2) % 4] - ordered[(i + 1) % 4]
            let cross = a.x * b.y - a.y * b.x
            guard abs(cross) > 1e-6 else { throw .degenerateQuadrilateral }
            signs.append(cross > 0)
        }
        guard Set(signs).count == 1 else { throw .degenerateQuadrilateral }
        guard side >= 21 * 1.5 else { throw .symbolTooSmall(sidePx: side) }
        let sides = [
            (topRight - topLeft).length, (bottomRight - bottomLeft).length,
            (bottomLeft - topLeft).length, (bottomRight - topRight).length,
        ]
        guard let shortest = sides.min(), let longest = sides.max(), longest < 3 * shortest else {
            throw .degenerateQuadrilateral
        }
    }

    /// A point of the quadrilateral by bilinear interpolation, s along the top edge and t down the left edge.
    func interpolate(_ s: Double, _ t: Double) -> Point {
        let top = topLeft + (topRight - topLeft) * s
        let bottom = bottomLeft + (bottomRight - bottomLeft) * s
        return top + (bottom - top) * t
    }
}
