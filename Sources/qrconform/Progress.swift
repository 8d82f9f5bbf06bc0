import Foundation

/// A progress bar on stderr (images done, rate, time left) when stderr is a terminal; silent otherwise.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(2) == 1 && total > 0
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let line = String(
            format: "\r[%@] %d/%d  %.1f img/s  %d:%02d left ", bar, done, total, rate, Int(left) / 60, Int(left) % 60)
        Diagnostics.raw(Data(line.utf8))
        drawn = true
    }

    /// A message on its own line, above the bar.
    func log(_ message: String) {
        clearLine()
        Diagnostics.warn(message)
    }

    /// Clears the bar's line, so a line written to stdout on the same terminal starts clean.
    func clearLine() {
        if drawn { Diagnostics.raw(Data("\r\u{1B}[K".utf8)) }
    }

    func finish() {
        if drawn { Diagnostics.raw(Data("\n".utf8)) }
    }
}
