#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes a report folder and the folders above it with `mkdir(2)`, so a failure names the folder and the OS's reason
/// (Foundation's `createDirectory` gives a `NSCocoaErrorDomain` message a user cannot act on).
public enum ReportFolder {
    public static func create(_ path: String) throws(OutputError) {
        let absolute = path.hasPrefix("/")
        var prefix = absolute ? "" : "."
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o777) == 0 { continue }
            let failure = errno
            var status = stat()
            guard failure == EEXIST else { throw OutputError.createFolder(path: path, errno: failure) }
            // Something is there: a folder (or a link to one) is fine, anything else cannot hold the reports.
            guard stat(prefix, &status) == 0 else { throw OutputError.createFolder(path: path, errno: errno) }
            if status.st_mode & S_IFMT != S_IFDIR { throw OutputError.createFolder(path: path, errno: ENOTDIR) }
        }
    }
}
