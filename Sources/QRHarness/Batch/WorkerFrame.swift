import Foundation
import QRConformance

/// The framing between the batch driver and its worker processes.
///
/// Driver → worker: one JSON line per `ImageJob`.
/// Worker → driver: a header line `QRC <index> <verdict> <row bytes> <observation bytes>`, then the encoded report
/// row, then the image observation as JSON (empty when the image could not be read).
public enum WorkerFrame {
    /// Longest header line accepted; anything longer means the stream is corrupt.
    static let maxHeader = 80

    public static func encode(job: ImageJob) -> Data {
        var data = (try? JSONEncoder().encode(job)) ?? Data()
        data.append(0x0A)
        return data
    }

    public static func decodeJob(line: Data) -> ImageJob? {
        try? JSONDecoder().decode(ImageJob.self, from: line)
    }

    public static func encode(_ result: JudgedImage) -> Data {
        let observation = result.observation.flatMap { try? JSONEncoder().encode($0) } ?? Data()
        var data = Data("QRC \(result.index) \(result.verdict.rawValue) \(result.row.count) \(observation.count)\n".utf8)
        data.append(result.row)
        data.append(observation)
        return data
    }

    /// Takes one complete frame off the front of `buffer`; nil when more bytes are needed.
    /// Throws when the bytes cannot be a frame (the worker wrote something else to stdout).
    public static func take(from buffer: inout Data) throws(WorkerFrameError) -> JudgedImage? {
        guard let newline = buffer.firstIndex(of: 0x0A) else {
            if buffer.count > maxHeader { throw .corrupt }
            return nil
        }
        let header = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 5, header[0] == "QRC", let index = Int(header[1]),
            let verdict = Verdict(rawValue: String(header[2])), let rowLength = Int(header[3]),
            let observationLength = Int(header[4]), rowLength >= 0, observationLength >= 0,
            rowLength <= Int(Int32.max), observationLength <= Int(Int32.max)
        else { throw .corrupt }
        let start = buffer.index(after: newline)
        guard buffer.endIndex - start >= rowLength + observationLength else { return nil }
        let row = Data(buffer[start..<(start + rowLength)])
        let observationBytes = buffer[(start + rowLength)..<(start + rowLength + observationLength)]
        let observation = observationBytes.isEmpty
            ? nil : try? JSONDecoder().decode(ImageObservation.self, from: Data(observationBytes))
        buffer = Data(buffer[(start + rowLength + observationLength)...])
        return JudgedImage(index: index, verdict: verdict, row: row, observation: observation)
    }
}

/// A worker wrote bytes that are not a result frame.
public enum WorkerFrameError: Error, Equatable {
    case corrupt
}
