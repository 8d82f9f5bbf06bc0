import ArgumentParser
import Foundation
import QRConformance
import QRHarness

/// The options that decide how images are judged; shared by `check` and its worker processes.
struct CheckArguments: ParsableArguments {
    @OptionGroup var judging: JudgingOptions
    @Option(help: "Trust list (JWKS) of the keys that may sign payloads; required when the spec requires signatures.")
    var trustList: String?
    @Option(help: "Screen pixel density in pixels per inch; overrides the PNG's pHYs chunk.") var ppi: Double?
    @Option(help: "The phone the screenshots were taken on (qrconform devices lists them); gives its pixel density.")
    var device: String?
    @Option(help: "The display mode the screenshots show (default = masked text, full); enables the OCR display rules.")
    var displayMode: DisplayMode?
    @Flag(
        help:
            "Run the scannability ladder (SYM-019): each code as checkpoint cameras see it, read by zbar and zxing-cpp."
    )
    var scannability = false

    func validate() throws {
        if let ppi, !(ppi > 0 && ppi.isFinite) { throw ValidationError("--ppi must be a positive number") }
        if let device, DeviceCatalogue.device(named: device) == nil {
            throw ValidationError(
                "--device '\(device)' is not in the catalogue; known: "
                    + DeviceCatalogue.devices.map(\.name).joined(separator: ", ") + " (or give --ppi)")
        }
        if ppi != nil, device != nil { throw ValidationError("give --ppi or --device, not both") }
    }

    /// The pixel density the options give: `--ppi`, or the `--device`'s.
    var pixelDensity: Double? { ppi ?? device.flatMap(DeviceCatalogue.device(named:))?.ppi }

    /// Loads spec and trust list; a bad one stops the run with exit 2 naming the file. Also gives the configuration
    /// that makes a worker process judge the same way from the bytes read here, with the validation time fixed.
    func options() throws -> (options: CheckOptions, worker: WorkerConfiguration) {
        let (loaded, source) = try judging.spec.loadWithSource()
        let trust = try TrustListOption.load(trustList)
        var options = CheckOptions(
            spec: loaded, validationTime: judging.validationTime, ppiOverride: pixelDensity,
            revealPersonalData: judging.revealPersonalData, limits: judging.limits.imageLimits,
            trustList: trust?.trustList,
            trustListSHA256: trust?.sha256, displayMode: displayMode)
        options.scannability = scannability
        let worker = WorkerConfiguration(
            options: options, spec: source, trustList: trustList.flatMap { path in trust.map { (path, $0.bytes) } })
        return (options, worker)
    }
}

extension DisplayMode: ExpressibleByArgument {}
