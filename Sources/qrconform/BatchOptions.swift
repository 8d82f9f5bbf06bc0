import ArgumentParser
import QRConformance
import Foundation
import QRHarness
import QRRun

/// Parallelism, isolation, sharding and progress options of a batch run.
struct BatchOptions: ParsableArguments {
    @Option(help: "Worker processes (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(
        help: """
            Seconds one image (in certify, also reading one submission) may take before its worker is stopped and \
            the image (or submission) marked timed out.
            """)
    var imageTimeout: Double = 30
    @Option(help: "Process only shard K of N (K/N, 1-based) of the inputs; combine shard reports with `merge`.")
    var shard: String?
    @Flag(help: "No progress bar.") var quiet = false

    func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard imageTimeout > 0, imageTimeout.isFinite else { throw ValidationError("--image-timeout must be positive") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4") }
    }

    /// The worker processes these options ask for, started from this binary.
    func workers() throws -> WorkerSettings {
        WorkerSettings(jobs: jobs, imageTimeout: imageTimeout, executable: try SelfExecutable.path())
    }
}
