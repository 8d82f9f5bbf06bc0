/// The digests of everything a submission verdict rests on, so the same verdict can be reproduced later.
public struct SubmissionInputs: Sendable, Equatable, Encodable {
    /// One input file: its path as given (or inside the submission) and the SHA-256 of its bytes.
    public struct File: Sendable, Equatable, Encodable {
        public let path: String
        public let sha256: String
        public let bytes: Int

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.sha256 = Hashing.sha256Hex(bytes)
            self.bytes = bytes.count
        }
    }

    public let testPlan: File
    public let trustList: File?
    /// The submission as given on the command line (a folder or a zip), and its digest when it is a file.
    public let submission: String
    public let submissionSHA256: String?
    /// Every file inside the submission, sorted by path (the manifest included).
    public let files: [File]

    public init(testPlan: File, trustList: File?, submission: String, submissionSHA256: String?, files: [File]) {
        self.testPlan = testPlan
        self.trustList = trustList
        self.submission = submission
        self.submissionSHA256 = submissionSHA256
        self.files = files.sorted { $0.path < $1.path }
    }

    private enum CodingKeys: String, CodingKey {
        case testPlan = "test_plan"
        case trustList = "trust_list"
        case submission
        case submissionSHA256 = "submission_sha256"
        case files
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(testPlan, forKey: .testPlan)
        try container.encode(trustList, forKey: .trustList)
        try container.encode(submission, forKey: .submission)
        try container.encode(submissionSHA256, forKey: .submissionSHA256)
        try container.encode(files, forKey: .files)
    }
}
