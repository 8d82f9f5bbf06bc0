import Foundation

/// Where a streamed report goes: stdout, or a temporary file renamed over `--output` once complete,
/// so an interrupted run never leaves a half-written report under the final name; or nowhere, when the report
/// is rendered in another format at the end.
final class ReportSink {
    private let handle: FileHandle?
    private let temporary: URL?
    private let destination: URL?

    init(path: String?, discard: Bool = false) throws {
        if discard {
            handle = nil
            temporary = nil
            destination = nil
            return
        }
        guard let path else {
            handle = FileHandle.standardOutput
            temporary = nil
            destination = nil
            return
        }
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw ReportSinkError.cannotWrite(path)
        }
        handle = try FileHandle(forWritingTo: temporary)
        self.temporary = temporary
        self.destination = destination
    }

    func write(_ data: Data) throws {
        try handle?.write(contentsOf: data)
    }

    func commit() throws {
        guard let temporary, let destination else { return }
        try handle?.close()
        _ = try? FileManager.default.removeItem(at: destination)
        try FileManager.default.moveItem(at: temporary, to: destination)
    }
}

enum ReportSinkError: Error, CustomStringConvertible {
    case cannotWrite(String)

    var description: String {
        switch self {
        case .cannotWrite(let path): "\(path): cannot write the report there"
        }
    }
}
