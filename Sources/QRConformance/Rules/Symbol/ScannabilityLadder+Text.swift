import QRCamera
import QRSymbol

/// The ladder as `qrconform spec show` prints it: every rung of every family with its settings, in ladder order.
extension ScannabilityLadder {
    /// One line per family and one for the checkpoint, e.g. `blur (8 px/mm, area): blur σ 0.5 px | blur σ 1 px`.
    public var lines: [String] {
        let unitText = unit == .millimetre ? "px/mm" : "px/module"
        var out = [
            "Scannability ladder (SYM-019), resolution in camera \(unitText); seed \(seed), crop margin "
                + "\(Self.text(marginModules)) modules; steps in this order: tilt, resample, contrast, gamma, blur, "
                + "motion, glare, noise, JPEG"
        ]
        for family in families {
            let rungs = family.rungs.map { "#\($0.index) \($0.label) [\(Self.settings($0, unitText))]" }
            out.append("  \(family.name): " + rungs.joined(separator: " | "))
        }
        if let checkpoint {
            out.append("  checkpoint: #\(checkpoint.index) [\(Self.settings(checkpoint, unitText))]")
        }
        return out
    }

    /// A rung's settings, e.g. `8 px/mm area, blur σ 1`.
    static func settings(_ r: CameraRung, _ unitText: String) -> String {
        var parts = ["\(text(r.resolution)) \(unitText) \(r.filter.rawValue)"]
        if let v = r.tiltDegrees { parts.append("tilt \(text(v))°") }
        if let v = r.contrast { parts.append("contrast \(text(v))") }
        if let v = r.gamma { parts.append("gamma \(text(v))") }
        if let v = r.blurSigma { parts.append("blur σ \(text(v))") }
        if let v = r.motionPixels { parts.append("motion \(v) px") }
        if let v = r.glareFraction { parts.append("glare \(text(v))") }
        if let v = r.noiseSigma { parts.append("noise σ \(text(v))") }
        if let v = r.jpegQuality { parts.append("JPEG q\(v)") }
        return parts.joined(separator: ", ")
    }
}
