import Foundation
import QRConformance

/// The framing between the batch driver and its worker processes.
///
/// Driver → worker: one JSON line per job, `{"index": N, "path": "..."}`.
/// Worker → driver: a header line `QRC <index> <verdict> <byte count>` followed by the encoded report row.
public enum WorkerFrame {
    public struct Job: Codable, Sendable, Equatable {
        public let index: Int
        public let path: String

        public init(index: Int, path: String) {
            self.index = index
            self.path = path
        }
    }

    public struct Result: Sendable, Equatable {
        public let index: Int
        public let verdict: Verdict
        public let row: Data
    }

    /// Longest header line accepted; anything longer means the stream is corrupt.
    static let maxHeader = 64

    public static func encode(job: Job) -> Data {
        var data = (try? JSONEncoder().encode(job)) ?? Data()
        data.append(0x0A)
        return data
    }

    public static func decodeJob(line: Data) -> Job? {
        try? JSONDecoder().decode(Job.self, from: line)
    }

    public static func encode(index: Int, verdict: Verdict, row: Data) -> Data {
        var data = Data("QRC \(index) \(verdict.rawValue) \(row.count)\n".utf8)
        data.append(row)
        return data
    }

    /// Takes one complete frame off the front of `buffer`; nil when more bytes are needed.
    /// Throws when the bytes cannot be a frame (the worker wrote something else to stdout).
    public static func take(from buffer: inout Data) throws(WorkerFrameError) -> Result? {
        guard let newline = buffer.firstIndex(of: 0x0A) else {
            if buffer.count > maxHeader { throw .corrupt }
            return nil
        }
        let header = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 4, header[0] == "QRC", let index = Int(header[1]), let verdict = Verdict(rawValue: String(header[2])),
            let length = Int(header[3]), length >= 0
        else { throw .corrupt }
        let start = buffer.index(after: newline)
        guard buffer.endIndex - start >= length else { return nil }
        let row = Data(buffer[start..<(start + length)])
        buffer = Data(buffer[(start + length)...])
        return Result(index: index, verdict: verdict, row: row)
    }
}

/// A worker wrote bytes that are not a result frame.
public enum WorkerFrameError: Error, Equatable {
    case corrupt
}
