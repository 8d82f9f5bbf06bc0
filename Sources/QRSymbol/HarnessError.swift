/// An error of the harness or its inputs, never a finding: a stable code, the file it is about, and the cause.
///
/// Reports carry the code and the message; the CLI maps every one to its message on stderr and exit status 2
/// (`QRConform.main`), so no command handles them one by one.
public protocol HarnessError: Error, CustomStringConvertible {
    /// The stable, enumerated code reports and scripts match on (`png-truncated`, `invalid-json`, …).
    var errorCode: String { get }
    /// The file (or bundled name) the error is about.
    var file: String { get }
    /// What is wrong with it, without the file name.
    var cause: String { get }
}
