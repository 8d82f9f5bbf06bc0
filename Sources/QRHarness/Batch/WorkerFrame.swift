import Foundation
import QRConformance

/// The framing between the batch driver and its worker processes.
///
/// Driver → worker: first the `WorkerConfiguration` as one JSON line (bytes as base64, so no newline inside), sent
/// once right after the worker is spawned; then one JSON line per `ImageJob`.
/// Worker → driver: first `QRC-READY` once the spec and trust list are loaded (or `QRC-FAILED <bytes>` and the
/// reason), then per job a header line `QRC <index> <bytes>` and the `JudgedImage` as JSON
/// (`ReportCoding.encoder(.transport)`).
public enum WorkerFrame {
    /// Longest header line accepted; anything longer means the stream is corrupt.
    static let maxHeader = 80
    public static let ready = Data("QRC-READY\n".utf8)

    /// What a worker said.
    public enum Message: Equatable {
        case ready
        /// The worker could not set up (spec, trust list, tesseract); it exits after saying so.
        case startFailed(String)
        case judged(JudgedImage)
    }

    /// The configuration frame: one JSON line.
    public static func encode(
        configuration: WorkerConfiguration
    ) throws(WorkerConfigurationError) -> Data {
        var data: Data
        do {
            data = try ReportCoding.encoder(.transport).encode(configuration)
        } catch {
            throw WorkerConfigurationError.workerConfiguration(
                code: .unencodable, path: "(configuration)", cause: "\(error)")
        }
        data.append(0x0A)
        return data
    }

    /// Decodes the configuration frame (one line, without its newline).
    public static func decodeConfiguration(line: Data) throws(WorkerConfigurationError) -> WorkerConfiguration {
        do {
            return try JSONDecoder().decode(WorkerConfiguration.self, from: line)
        } catch {
            throw WorkerConfigurationError.workerConfiguration(
                code: .unreadableFrame, path: "(stdin)", cause: "the first line is not a worker configuration: \(error)"
            )
        }
    }

    /// In a worker: reads the configuration frame, the first line on stdin.
    public static func readConfiguration() throws(WorkerConfigurationError) -> WorkerConfiguration {
        guard let line = readLine(strippingNewline: true) else {
            throw WorkerConfigurationError.workerConfiguration(
                code: .unreadableFrame, path: "(stdin)", cause: "stdin ended before the worker configuration")
        }
        return try decodeConfiguration(line: Data(line.utf8))
    }

    /// In a worker: the next job on stdin, skipping lines that are not one; nil at end of input.
    public static func readJob() -> ImageJob? {
        while let line = readLine(strippingNewline: true) {
            if let job = decodeJob(line: Data(line.utf8)) { return job }
        }
        return nil
    }

    public static func encode(job: ImageJob) -> Data {
        var data = (try? ReportCoding.encoder(.transport).encode(job)) ?? Data()
        data.append(0x0A)
        return data
    }

    public static func decodeJob(line: Data) -> ImageJob? {
        try? JSONDecoder().decode(ImageJob.self, from: line)
    }

    public static func encodeStartFailure(_ reason: String) -> Data {
        let body = Data(reason.utf8)
        return Data("QRC-FAILED \(body.count)\n".utf8) + body
    }

    /// A result frame; a result that cannot be encoded (a non-finite number) is sent as an `internal` error row.
    public static func encode(_ result: JudgedImage) -> Data {
        let encoder = ReportCoding.encoder(.transport)
        let body: Data
        if let encoded = try? encoder.encode(result) {
            body = encoded
        } else {
            let row = ImageReport(
                file: result.report.file, sha256: result.report.sha256,
                error: ImageError(.internal, message: "\(result.report.file): the result could not be encoded"))
            body = (try? encoder.encode(JudgedImage(index: result.index, report: row))) ?? Data()
        }
        return Data("QRC \(result.index) \(body.count)\n".utf8) + body
    }

    /// Takes one complete message off the front of `buffer`; nil when more bytes are needed.
    /// Throws when the bytes cannot be a message (the worker wrote something else to stdout).
    public static func take(from buffer: inout Data) throws(WorkerFrameError) -> Message? {
        guard let newline = buffer.firstIndex(of: 0x0A) else {
            if buffer.count > maxHeader { throw .corrupt }
            return nil
        }
        let header = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self).split(separator: " ")
        let start = buffer.index(after: newline)
        if header == ["QRC-READY"] {
            buffer = Data(buffer[start...])
            return .ready
        }
        guard header.count >= 2, let length = Int(header[header.count - 1]), length >= 0, length <= Int(Int32.max)
        else { throw .corrupt }
        guard buffer.endIndex - start >= length else { return nil }
        let body = Data(buffer[start..<(start + length)])
        buffer = Data(buffer[(start + length)...])
        switch (header.count, header[0]) {
        case (2, "QRC-FAILED"):
            return .startFailed(String(decoding: body, as: UTF8.self))
        case (3, "QRC"):
            guard let index = Int(header[1]), let result = try? JSONDecoder().decode(JudgedImage.self, from: body),
                result.index == index
            else { throw .corrupt }
            return .judged(result)
        default:
            throw .corrupt
        }
    }
}

/// A worker wrote bytes that are not a result frame.
public enum WorkerFrameError: Error, Equatable {
    case corrupt
}
