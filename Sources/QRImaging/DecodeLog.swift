#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts PNG decodes across processes for tests: with `QRCONFORM_DECODE_LOG=FILE` in the environment, every
/// `PNGDecoder.decode` appends the image's name as one line to FILE (`O_APPEND`, so workers' lines never mix).
/// It is how the suite proves that a run decodes each screenshot once, whatever process does it.
enum DecodeLog {
    private static let path: String? = getenv("QRCONFORM_DECODE_LOG").map { String(cString: $0) }

    static func record(_ name: String) {
        guard let path else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let line = Array((name + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
