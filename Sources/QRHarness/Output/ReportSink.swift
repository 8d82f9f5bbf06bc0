import Foundation

/// Where a report goes: stdout, or a temporary file renamed over `--output` once complete, so an interrupted run
/// never leaves a half-written report under the final name. An existing folder as `--output` is refused before any
/// work.
public final class ReportSink {
    private enum Target {
        case standardOutput
        case file(AtomicFile)
    }

    private let target: Target

    public init(path: String?) throws(OutputError) {
        target = try path.map { path throws(OutputError) in .file(try AtomicFile(path: path)) } ?? .standardOutput
    }

    public func write(_ data: Data) throws(OutputError) {
        switch target {
        case .standardOutput: try StandardOutput.write(data)
        case .file(let file):
            do { try file.write([UInt8](data)) } catch {
                file.discard()
                throw error
            }
        }
    }

    public func commit() throws(OutputError) {
        if case .file(let file) = target { try file.commit() }
    }
}
