import Foundation
import QRConformance

/// How a run starts its worker processes: how many, how long one image may take, and the executable (this binary).
public struct WorkerSettings: Sendable {
    public var jobs: Int
    /// Seconds one image (in certify, also reading one submission) may take before its worker is stopped.
    public var imageTimeout: Double
    public var executable: String

    public init(jobs: Int, imageTimeout: Double, executable: String) {
        self.jobs = jobs
        self.imageTimeout = imageTimeout
        self.executable = executable
    }

    /// The batch that judges images with `options` in workers of this binary; `spec` and `trustList` name what the
    /// driver loaded (an id or a path), and the workers refuse to start unless they read the same bytes.
    func batch(for options: CheckOptions, spec: String, trustList: String?) -> BatchConfiguration {
        var args = ["worker", "--spec", spec, "--at", CheckReport.timestamp(options.validationTime)]
        if let trustList { args += ["--trust-list", trustList] }
        if let ppi = options.ppiOverride { args += ["--ppi", "\(ppi)"] }
        if options.revealPersonalData { args.append("--reveal-personal-data") }
        if let mode = options.displayMode { args += ["--display-mode", mode.rawValue] }
        if options.scannability { args.append("--scannability") }
        args += ["--max-pixels", "\(options.limits.maxPixels)", "--max-file-bytes", "\(options.limits.maxFileBytes)"]
        args += ["--expect-spec-sha256", options.spec.sha256]
        if let digest = options.trustListSHA256 { args += ["--expect-trust-list-sha256", digest] }
        return BatchConfiguration(
            jobs: jobs, imageTimeout: imageTimeout, executable: executable, workerArguments: args)
    }
}
