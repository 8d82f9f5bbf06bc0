import Foundation

/// Where a streamed report goes: stdout, or a temporary file renamed over `--output` once complete,
/// so an interrupted run never leaves a half-written report under the final name; or nowhere, when the report
/// is rendered in another format at the end. An existing folder as `--output` is refused before any work.
public final class ReportSink {
    private enum Target {
        case standardOutput
        case file(AtomicFile)
        case discard
    }

    private let target: Target

    public init(path: String?, discard: Bool = false) throws(OutputError) {
        if discard {
            target = .discard
        } else if let path {
            target = .file(try AtomicFile(path: path))
        } else {
            target = .standardOutput
        }
    }

    public func write(_ data: Data) throws(OutputError) {
        switch target {
        case .standardOutput: try StandardOutput.write(data)
        case .file(let file):
            do { try file.write([UInt8](data)) } catch {
                file.discard()
                throw error
            }
        case .discard: break
        }
    }

    public func commit() throws(OutputError) {
        if case .file(let file) = target { try file.commit() }
    }
}
