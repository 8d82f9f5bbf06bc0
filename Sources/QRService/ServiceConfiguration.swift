import Foundation
import QRConformance
import QRHarness
import QRRun

/// Everything `qrconform serve` runs with: where it listens, its data folder (the register and the uploads), what it
/// judges with, and its limits. Set once at start; every part of the service reads it.
public struct ServiceConfiguration: Sendable {
    /// Host and port to listen on; port 0 picks a free one (written to `portFile` once listening).
    public var host = "127.0.0.1"
    public var port = 8080
    public var portFile: String?
    /// The service's only state: `register.sqlite` (runs, tokens, sessions, the queue) and `uploads/`, `jobs/`.
    public var dataFolder: String
    /// Spec, test plan and trust list, as for `certify`; the validation time of each job is its upload time.
    public var inputs: CertificationInputs
    public var workers: WorkerSettings
    /// Signs certification reports (self-tests are never signed); its public key is served at /.well-known/jwks.json.
    public var signingKey: ReportSigningKey?
    /// The uploads the archive limits allow (`SubmissionLimits.maxArchiveBytes`): larger ones are refused, 413.
    public var limits: SubmissionLimits = .default
    /// Queued plus running jobs beyond which an upload is answered 429.
    public var queueLimit = 20
    /// Submissions judged at once (each judges its screenshots in `workers.jobs` worker processes).
    public var concurrentJobs = 1
    /// Seconds a browser session lasts.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Marks cookies `Secure`: set when the service is reached over TLS (behind a terminating proxy).
    public var secureCookies = false
    /// Seconds a client is told to wait (Retry-After) when the queue is full.
    public var retryAfter = 30
    /// The largest body of a request that is not an upload (a login, a review, a publication), in bytes.
    public var formBodyLimit = 64 << 10

    public init(dataFolder: String, inputs: CertificationInputs, workers: WorkerSettings) {
        self.dataFolder = dataFolder
        self.inputs = inputs
        self.workers = workers
    }

    public var registerPath: String { folder("register.sqlite") }
    var uploadsFolder: String { folder("uploads") }
    var jobsFolder: String { folder("jobs") }

    /// Where an upload with this digest is kept (uploads are stored by content).
    func uploadPath(sha256: String) -> String {
        URL(fileURLWithPath: uploadsFolder).appendingPathComponent("\(sha256).zip").path
    }

    /// The folder a job's reports are written to.
    func reportFolder(job: String) -> String {
        URL(fileURLWithPath: jobsFolder).appendingPathComponent(job).path
    }

    private func folder(_ name: String) -> String {
        URL(fileURLWithPath: dataFolder).appendingPathComponent(name).path
    }
}
