import Foundation
import QRHarness

/// The path of this program's own executable, to start worker processes of the same binary.
enum SelfExecutable {
    static func path() throws -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        let argv0 = CommandLine.arguments.first ?? ""
        guard !argv0.isEmpty else { throw BatchError.noExecutable }
        return URL(fileURLWithPath: argv0).standardizedFileURL.path
    }
}
