/// An error of the harness or its inputs, never a finding: the domain and stable code, the file, where in it, and the
/// cause. One value for every such error, so reports, stderr and the exit status treat them alike.
///
/// Reports carry the code and the description; the command line prints the description and exits 2 (`ExitStatus`).
public struct QRError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the error is about (spec, trust list, submission, ...); it names the file in the description.
    public let domain: Domain
    /// The stable code reports and scripts match on (`png-truncated`, `invalid-json`, ...).
    public let code: Code
    /// The file (or bundled name) the error is about.
    public let file: String
    /// Where in the file, when the error is about one part of it (a rule, a key, a JSON value).
    public let location: Location?
    /// What is wrong, without the file name.
    public let cause: String

    public init(_ domain: Domain, code: Code, file: String, location: Location? = nil, cause: String) {
        self.domain = domain
        self.code = code
        self.file = file
        self.location = location
        self.cause = cause
    }

    /// `file: cause`, the file named as its domain names it and followed by the location when there is one, e.g.
    /// `rules.json (rule QR-01): ...`, `trust list keys.json (key abc): ...`, `m.json at /screenshots/2: ...`.
    public var description: String {
        "\(domain.fileLabel)\(file)\(location.map(\.description) ?? ""): \(cause)"
    }
}
