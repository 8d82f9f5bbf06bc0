import ArgumentParser
import QRConformance
import QRHarness

/// Loads `--trust-list FILE`; a bad trust list stops the run with exit 2 and the file and cause on stderr.
enum TrustListOption {
    static func load(_ path: String?) throws -> (trustList: TrustList, sha256: String, bytes: [UInt8])? {
        guard let path else { return nil }
        return try TrustListFile.load(path: path)
    }
}
