import QRHarness
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

    /// The batch that judges images in workers of this binary, each configured with `worker`.
    func batch(_ worker: WorkerConfiguration) -> BatchConfiguration {
        BatchConfiguration(jobs: jobs, imageTimeout: imageTimeout, executable: executable, worker: worker)
    }
}
