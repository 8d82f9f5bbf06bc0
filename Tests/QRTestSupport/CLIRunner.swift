import Foundation

/// Runs the built `qrconform` binary the way a user does and captures what it prints.
public enum CLIRunner {
    public struct Run: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: String

        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: stdout)) as? [String: Any] }
    }

    public static let repoRoot = Repository.root

    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["QRCONFORM_BIN"] { return URL(fileURLWithPath: path) }
        return Bundle.main.bundleURL.appendingPathComponent("qrconform")
    }

    public static func fixture(_ name: String) -> String {
        repoRoot.appendingPathComponent("Tests/QRImagingTests/Fixtures").appendingPathComponent(name).path
    }

    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try run(arguments, environment: environment, input: nil)
    }

    /// Runs the binary with `input` on its stdin (then end of file); nil leaves stdin as the test's.
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: Data?) throws -> Run {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repoRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = input.map { _ in Pipe() }
        if let stdin { process.standardInput = stdin }
        try process.run()
        if let stdin, let input {
            // Written from another thread: a worker that stops reading must not block the test on a full pipe.
            let writer = stdin.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension CLIRunner {
    /// Runs the binary with stdout a pipe whose reading end is closed at once, so every write fails with EPIPE.
    public static func runWithClosedPipe(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repoRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try out.fileHandleForReading.close()
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: Data(), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs the binary through `sh` with its stdout redirected as `redirect` says (`> /dev/full`, `>&-`).
    public static func run(_ arguments: [String], stdoutRedirect redirect: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirect)", binary.path] + arguments
        process.currentDirectoryURL = repoRoot
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: Data(), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
