import QRCamera
import QRSymbol

/// The scannability ladder as SYM-019's parameters describe it: the spec holds every number, this file only the
/// order of the families and how each parameter becomes a rung (see spec/vn-personal-qr/1.1/README.md, SYM-019).
extension ScannabilityLadder {
    /// Parameter names and types SYM-019 reads; the linter holds the spec to them.
    public static let parameterTypes: [String: ParameterType] = [
        "seed": .integer, "margin_modules": .number,
        "resolution_px_per_mm": .numberList, "resolution_px_per_module": .numberList,
        "base_px_per_mm": .number, "base_px_per_module": .number,
        "blur_sigma": .numberList, "motion_px": .numberList, "jpeg_quality": .numberList, "contrast": .numberList,
        "gamma": .numberList, "noise_sigma": .numberList, "glare_fraction": .numberList, "tilt_degrees": .numberList,
        "checkpoint_px_per_mm": .number, "checkpoint_blur_sigma": .number, "checkpoint_noise_sigma": .number,
        "checkpoint_jpeg_quality": .integer, "checkpoint_tilt_degrees": .number,
    ]

    /// The ladder in `unit`, or the name of the first parameter missing from the spec.
    public static func fromSpec(_ p: RuleParameters, unit: Unit) -> Result<ScannabilityLadder, MissingParameter> {
        let suffix = unit == .millimetre ? "mm" : "module"
        func list(_ name: String) throws(MissingParameter) -> [Double] {
            guard let value = p.numbers(name) else { throw MissingParameter(name: name) }
            return value
        }
        func number(_ name: String) throws(MissingParameter) -> Double {
            guard let value = p.number(name) else { throw MissingParameter(name: name) }
            return value
        }
        do throws(MissingParameter) {
            let resolutions = try list("resolution_px_per_\(suffix)")
            let base = try number("base_px_per_\(suffix)")
            guard let seedValue = p.integer("seed") else { throw MissingParameter(name: "seed") }
            let seed = UInt64(clamping: seedValue)
            var index = 0
            func rung(_ family: String, _ label: String, _ resolution: Double, _ filter: CameraFilter = .area)
                -> CameraRung
            {
                index += 1
                return CameraRung(family: family, label: label, resolution: resolution, filter: filter, index: index)
            }
            func family(
                _ name: String, _ values: [Double], _ label: (String) -> String,
                _ set: (inout CameraRung, Double) -> Void
            )
                -> CameraFamily
            {
                CameraFamily(
                    name: name,
                    rungs: values.map { value in
                        var r = rung(name, label(Self.text(value)), base)
                        set(&r, value)
                        return r
                    })
            }
            let unitText = unit == .millimetre ? "px/mm" : "px/module"
            var families = [
                CameraFamily(
                    name: "resolution",
                    rungs: resolutions.map { rung("resolution", "resolution \(Self.text($0)) \(unitText)", $0) }),
                CameraFamily(
                    name: "moire",
                    rungs: resolutions.map { rung("moire", "moiré \(Self.text($0)) \(unitText)", $0, .bilinear) }),
            ]
            families.append(family("blur", try list("blur_sigma"), { "blur σ \($0) px" }) { $0.blurSigma = $1 })
            families.append(
                family("motion", try list("motion_px"), { "motion \($0) px" }) {
                    $0.motionPixels = Self.integer($1)
                })
            families.append(
                family("jpeg", try list("jpeg_quality"), { "JPEG q\($0)" }) { $0.jpegQuality = Self.integer($1) })
            families.append(family("contrast", try list("contrast"), { "contrast \($0)" }) { $0.contrast = $1 })
            families.append(family("gamma", try list("gamma"), { "gamma \($0)" }) { $0.gamma = $1 })
            families.append(family("noise", try list("noise_sigma"), { "noise σ \($0)" }) { $0.noiseSigma = $1 })
            families.append(
                family("glare", try list("glare_fraction"), { "glare \($0) of the symbol" }) { $0.glareFraction = $1 })
            families.append(family("tilt", try list("tilt_degrees"), { "tilt \($0)°" }) { $0.tiltDegrees = $1 })
            var checkpoint: CameraRung?
            if unit == .millimetre {
                var c = rung("checkpoint", "checkpoint", try number("checkpoint_px_per_mm"))
                c.blurSigma = try number("checkpoint_blur_sigma")
                c.noiseSigma = try number("checkpoint_noise_sigma")
                guard let quality = p.integer("checkpoint_jpeg_quality") else {
                    throw MissingParameter(name: "checkpoint_jpeg_quality")
                }
                c.jpegQuality = quality
                c.tiltDegrees = try number("checkpoint_tilt_degrees")
                checkpoint = c
            }
            return .success(
                ScannabilityLadder(
                    unit: unit, families: families, checkpoint: checkpoint, seed: seed,
                    marginModules: try number("margin_modules")))
        } catch {
            return .failure(error)
        }
    }

    /// A number as rung labels show it: `14`, `4.4`, `0.55`.
    static func text(_ value: Double) -> String {
        if let whole = Int(exactly: value) { return String(whole) }
        return String(value)
    }

    /// A count parameter (motion length, JPEG quality) rounded to the nearest integer, clamped to 0…1000.
    static func integer(_ value: Double) -> Int {
        Int(min(max(value, 0), 1_000).rounded(.toNearestOrAwayFromZero))
    }

    /// A parameter the ladder needs and the spec lacks.
    public struct MissingParameter: Error, Sendable, Equatable {
        public let name: String
    }
}
