import Foundation

/// Writes the run's document to stdout or a file, and diagnostics to stderr.
enum Output {
    static func write(_ bytes: [UInt8], to path: String?) throws {
        if let path {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

enum Diagnostics {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("qrconform: " + message + "\n").utf8))
    }
}
