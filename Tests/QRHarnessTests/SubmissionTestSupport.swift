import Foundation
import QRConformance
import QRHarness
import QRTestSupport

/// Paths and a ready certifier for the example submissions in TestVectors/submissions.
enum SubmissionTestSupport {
    static let root = Repository.root
    static let vectors = root.appendingPathComponent("TestVectors/submissions")
    static let at = Date(timeIntervalSince1970: 1_768_435_200)  // 2026-01-15T00:00:00Z

    static func path(_ name: String) -> String { vectors.appendingPathComponent(name).path }

    static func certifier(reveal: Bool = false, limits: SubmissionLimits = .default) throws -> SubmissionCertifier {
        let planPath = path("test-plan.json")
        let planBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: planPath)))
        let trustPath = root.appendingPathComponent("TestVectors/keys/test-trust-list.jwks.json").path
        let trust = try TrustListFile.load(path: trustPath)
        let options = CheckOptions(
            spec: try SpecFile.load(idOrPath: SpecCatalog.defaultID), validationTime: at, revealPersonalData: reveal,
            trustList: trust.trustList, trustListSHA256: trust.sha256)
        return try SubmissionCertifier(
            plan: try TestPlan.decode(planBytes, path: "test-plan.json"),
            planFile: .init(path: "test-plan.json", bytes: planBytes),
            trustListFile: .init(
                path: "test-trust-list.jwks.json", bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: trustPath)))
            ),
            options: options, limits: limits)
    }

    /// Runs a script with the project's Python (`scripts/.venv`) and returns its exit status and standard error.
    static func runPython(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ProjectPython.interpreter())
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
