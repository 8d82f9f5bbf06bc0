import Foundation
import QRConformance

/// How a submission is archived content-addressed: each file once, by the sha256 of its bytes, and the
/// submission as the list of its paths and file digests.
///
/// A submission's own digest is the sha256 of its zip file when it came as one (the report's `submission_sha256`),
/// else its tree digest: the sha256 of the lines `<sha256>  <path>\n`, sorted by path, over every file including
/// `submission.json` (the format of `sha256sum`, so the digest can be recomputed with standard tools).
public enum SubmissionArchive {
    /// Every file of the contents, the manifest under its own name, sorted by path.
    public static func files(of contents: SubmissionContents) -> [(path: String, bytes: [UInt8])] {
        var files = contents.files.map { (path: $0.key, bytes: $0.value) }
        if let manifest = contents.manifest { files.append((SubmissionManifest.fileName, manifest)) }
        return files.sorted { $0.path < $1.path }
    }

    /// The tree digest of a submission read from a folder.
    public static func treeSHA256(_ contents: SubmissionContents) -> String {
        let listing = files(of: contents).map { "\(Hashing.sha256Hex($0.bytes))  \($0.path)\n" }.joined()
        return Hashing.sha256Hex(Array(listing.utf8))
    }

    /// The submission's digest as the register keys it.
    public static func sha256(report: SubmissionReport, contents: SubmissionContents?) -> String? {
        report.inputs.submissionSHA256 ?? contents.map(treeSHA256)
    }
}
