/// Finds a finder (or alignment) pattern's centre to sub-pixel precision near a symbol corner.
///
/// A diagonal scan from the corner finds the 1:1:3:1:1 runs (tolerating a few pixels of corner error by trying
/// parallel lines), then alternating cross-checks along the symbol's two axes re-centre it.
struct FinderLocator: Sendable {
    /// A located pattern centre with the module pitch measured across it along each symbol axis.
    struct Located: Sendable, Equatable {
        var centre: Point
        var moduleU: Double
        var moduleV: Double
    }

    let sampler: LumaSampler
    let threshold: Double
    /// Unit vectors of the symbol's column (u) and row (v) directions in pixels.
    let axisU: Point
    let axisV: Point

    /// The finder whose outer corner is `corner`, scanning towards `opposite` (the diagonally opposite corner).
    func locateFinder(corner: Point, opposite: Point) -> Located? {
        guard let diagonal = (opposite - corner).normalized else { return nil }
        let reach = (opposite - corner).length * 0.45
        for offset in [0.0, 1.5, -1.5, 3.0, -3.0, 4.5, -4.5, 6.0, -6.0] {
            let origin = corner + diagonal.perpendicular * offset
            let scan = LineScan(
                sampler: sampler, threshold: threshold, origin: origin, direction: diagonal,
                from: -4, to: reach, step: 0.25)
            guard let hit = Self.firstFinderRuns(scan.runs) else { continue }
            let guess = Located(
                centre: origin + diagonal * hit.centre, moduleU: hit.unit / 2.0.squareRoot(),
                moduleV: hit.unit / 2.0.squareRoot())
            if let refined = refine(guess, coreModules: 3) { return refined }
        }
        return nil
    }

    /// Re-centres a pattern whose dark core is `coreModules` wide (3 for finders, 1 for alignment patterns).
    func refine(_ start: Located, coreModules: Double) -> Located? {
        var located = start
        for _ in 0..<2 {
            guard let alongU = crossCheck(located.centre, axis: axisU, module: located.moduleU, core: coreModules)
            else { return nil }
            located.centre = located.centre + axisU * alongU.offset
            located.moduleU = alongU.module
            guard let alongV = crossCheck(located.centre, axis: axisV, module: located.moduleV, core: coreModules)
            else { return nil }
            located.centre = located.centre + axisV * alongV.offset
            located.moduleV = alongV.module
        }
        return located
    }

    /// Along one axis: the dark core containing the point, flanked by one light module each side.
    private func crossCheck(_ point: Point, axis: Point, module: Double, core: Double)
        -> (offset: Double, module: Double)?
    {
        guard module.isFinite, module > 0.5 else { return nil }
        let reach = (core / 2 + 2.5) * module
        let scan = LineScan(
            sampler: sampler, threshold: threshold, origin: point, direction: axis,
            from: -reach, to: reach, step: min(0.25, module / 8))
        guard let i = scan.index(containing: 0), i > 0, i + 1 < scan.runs.count else { return nil }
        let centre = scan.runs[i]
        let before = scan.runs[i - 1]
        let after = scan.runs[i + 1]
        guard centre.dark, !before.dark, !after.dark else { return nil }
        guard i - 1 > 0, i + 2 < scan.runs.count else { return nil }
        let coreUnit = centre.length / core
        let ringUnit = (after.end - before.start) / (core + 2)
        guard coreUnit > 0.45 * module, coreUnit < 1.8 * module else { return nil }
        for light in [before.length, after.length] where light < 0.35 * coreUnit || light > 2.2 * coreUnit {
            return nil
        }
        let offset = ((centre.start + centre.end) / 2 + (before.start + after.end) / 2) / 2
        return (offset, (coreUnit + ringUnit) / 2)
    }

    /// The first dark-light-dark(3)-light-dark run sequence in 1:1:3:1:1 proportion, closed by a light run.
    private static func firstFinderRuns(_ runs: [LineScan.Run]) -> (centre: Double, unit: Double)? {
        guard runs.count >= 6 else { return nil }
        for i in 0..<(runs.count - 5) where runs[i].dark {
            let l1 = runs[i + 1]
            let core = runs[i + 2]
            let l2 = runs[i + 3]
            let d2 = runs[i + 4]
            let unit = core.length / 3
            guard unit > 0.3 else { continue }
            let ok =
                [l1.length, l2.length, d2.length].allSatisfy { $0 > 0.4 * unit && $0 < 1.8 * unit }
                && runs[i].length > 0.4 * unit
            if ok { return ((core.start + core.end) / 2, (l1.length + core.length + l2.length + d2.length) / 6) }
        }
        return nil
    }
}
