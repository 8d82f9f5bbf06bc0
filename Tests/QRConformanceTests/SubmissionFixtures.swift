import Foundation
import QRConformance

/// Hand-built test plans, manifests and observations for the submission rule tests.
enum SubmissionFixtures {
    static let p01 = Array("001093029317|NGUYEN LE KHA HAN|1987-01-18|0|162979388586171100|<1".utf8)
    static let p02 = Array("079201004512|TRAN THI DIEU LINH|2001-11-05|0|170412339901234567|<2".utf8)
    static let plan = TestPlan(
        formatVersion: 1, id: "plan", spec: "vn-personal-qr@1.1",
        personas: [
            .init(id: "P01", payload: p01, requiredModes: [.default, .full]),
            .init(id: "P02", payload: p02, requiredModes: [.default, .full]),
        ])
    static let app = SubmissionManifest.App(name: "ACME ID", version: "2.3.1", platform: "android")

    static func shot(_ file: String, _ persona: String, _ mode: DisplayMode) -> SubmissionManifest.Screenshot {
        .init(file: file, persona: persona, mode: mode, device: "Pixel 7", ppi: nil)
    }

    static let allShots = [
        shot("p01-default.png", "P01", .default), shot("p01-full.png", "P01", .full),
        shot("p02-default.png", "P02", .default), shot("p02-full.png", "P02", .full),
    ]

    static func manifest(_ shots: [SubmissionManifest.Screenshot] = allShots, spec: String = "vn-personal-qr@1.1")
        -> SubmissionManifest
    {
        SubmissionManifest(id: "ACME-1", vendor: "ACME", app: app, spec: spec, screenshots: shots)
    }

    /// One symbol with the given payload, measured as EC level Q, version 12, mask 2 unless told otherwise.
    static func observation(_ payload: [UInt8], ec: String = "Q", version: Int = 12, mask: Int = 2) -> ImageObservation
    {
        var symbol = SymbolObservation(payload: payload)
        symbol.ecLevel = ErrorCorrectionLevelValue.parse(ec)
        symbol.version = .value(version)
        symbol.mask = .value(mask)
        return ImageObservation(symbols: [symbol])
    }

    static func observations(_ overrides: [String: ImageObservation] = [:]) -> [String: ImageObservation] {
        var result = [
            "p01-default.png": observation(p01), "p01-full.png": observation(p01),
            "p02-default.png": observation(p02), "p02-full.png": observation(p02),
        ]
        result.merge(overrides) { _, new in new }
        return result
    }

    static func context(
        manifest: Result<SubmissionManifest, SubmissionError> = .success(manifest()), files: [String]? = nil,
        observations: [String: ImageObservation] = observations()
    ) -> SubmissionContext {
        SubmissionContext(
            plan: plan, manifest: manifest, files: files ?? allShots.map(\.file), observations: observations,
            specNames: ["vn-personal-qr", "vn-personal-qr@1.1"])
    }
}

import QRSymbol

/// EC levels by letter for the fixtures.
enum ErrorCorrectionLevelValue {
    static func parse(_ letter: String) -> Measured<ErrorCorrectionLevel> {
        ErrorCorrectionLevel(rawValue: letter).map(Measured.value) ?? .unavailable("unknown level")
    }
}
