import Crypto
import Foundation
import OpenAPIRuntime
import QRConformance

/// Streams an upload to disk chunk by chunk (never holding it whole), counting and hashing as it goes, and keeps it
/// under `uploads/<sha256>.zip` only when it is a zip within the archive limit.
struct UploadReceiver: Sendable {
    /// Why an upload was refused; nothing of it is kept.
    enum Refusal: Error, Equatable {
        case tooLarge(limit: Int)
        case notZip
        case empty
        case storage(String)

        /// The stable code (also the metrics label).
        var code: String {
            switch self {
            case .tooLarge: "too-large"
            case .notZip: "not-a-zip"
            case .empty: "empty"
            case .storage: "storage"
            }
        }

        var message: String {
            switch self {
            case .tooLarge(let limit):
                "the upload is larger than the archive limit of \(limit) bytes; nothing was recorded"
            case .notZip: "the upload is not a zip archive (it must start with a zip entry); nothing was recorded"
            case .empty: "the upload is empty; nothing was recorded"
            case .storage(let cause): "the upload could not be stored: \(cause); nothing was recorded"
            }
        }

        var messageVI: String {
            switch self {
            case .tooLarge(let limit): "tệp tải lên vượt quá giới hạn \(limit) byte; không có gì được ghi nhận"
            case .notZip: "tệp tải lên không phải là tệp zip; không có gì được ghi nhận"
            case .empty: "tệp tải lên rỗng; không có gì được ghi nhận"
            case .storage: "không lưu được tệp tải lên; không có gì được ghi nhận"
            }
        }
    }

    /// A stored upload.
    struct Stored: Sendable {
        let sha256: String
        let size: Int64
        let path: String
    }

    let folder: String
    let limit: Int

    /// Reads `body` to a temporary file in the uploads folder, then renames it to its digest; refuses (deleting
    /// what was written) past `limit` bytes, on an empty body, or when the first bytes are not a zip's.
    func receive(_ body: HTTPBody, storedPath: (String) -> String) async throws(Refusal) -> Stored {
        let temporary = URL(fileURLWithPath: folder).appendingPathComponent(".upload-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw .storage("cannot create a file in \(folder)") }
        var keep = false
        defer {
            try? handle.close()
            if !keep { try? FileManager.default.removeItem(atPath: temporary) }
        }
        var hasher = SHA256()
        var size = 0
        var head: [UInt8] = []
        do {
            for try await chunk in body {
                size += chunk.count
                if size > limit { throw Refusal.tooLarge(limit: limit) }
                if head.count < 4 { head += chunk.prefix(4 - head.count) }
                if head.count == 4, !Self.isZipStart(head) { throw Refusal.notZip }
                hasher.update(data: Array(chunk))
                try handle.write(contentsOf: Array(chunk))
            }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw .storage("\(error)")
        }
        if size == 0 { throw .empty }
        if !Self.isZipStart(head) { throw .notZip }
        let digest = Hashing.hex(hasher.finalize())
        let destination = storedPath(digest)
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: destination) {
                try FileManager.default.removeItem(atPath: temporary)
            } else {
                try FileManager.default.moveItem(atPath: temporary, toPath: destination)
            }
        } catch {
            throw .storage("\(error)")
        }
        keep = true
        return Stored(sha256: digest, size: Int64(size), path: destination)
    }

    /// A zip starts with a local file header (PK\3\4) or, when it has no entries, the end record (PK\5\6).
    static func isZipStart(_ head: [UInt8]) -> Bool {
        guard head.count >= 4 else { return false }
        return head[0] == 0x50 && head[1] == 0x4B && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))
    }
}
