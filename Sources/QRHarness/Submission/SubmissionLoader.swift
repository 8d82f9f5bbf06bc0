import QRConformance

/// Something that reads a submission (a folder or a zip) into memory: in this process, or in a process of its own
/// that contains crashes and hangs.
public protocol SubmissionLoader {
    func load(path: String, limits: SubmissionLimits) -> Result<SubmissionContents, SubmissionError>
}

/// Reads in this process with `SubmissionReader`: for tests and the library; a crash takes the process down.
public struct InProcessSubmissionLoader: SubmissionLoader {
    public init() {}

    public func load(path: String, limits: SubmissionLimits) -> Result<SubmissionContents, SubmissionError> {
        do {
            return .success(try SubmissionReader.read(path: path, limits: limits))
        } catch {
            return .failure(error)
        }
    }
}
