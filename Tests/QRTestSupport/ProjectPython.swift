import Foundation

/// The project's Python (`scripts/.venv`, made by `scripts/setup`): tests run every script through it, never through
/// the system's `python3`, which on a fresh machine has none of the pinned packages.
public enum ProjectPython {
    public enum Missing: Error, CustomStringConvertible {
        case environment(path: String)

        public var description: String {
            switch self {
            case .environment(let path):
                "\(path) is missing: run scripts/setup (or make test), which makes the project's Python environment"
            }
        }
    }

    public static let executable = Repository.path("scripts/.venv/bin/python")

    /// The interpreter's path, or a typed error naming `scripts/setup` when the environment was never made.
    public static func interpreter() throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Missing.environment(path: executable)
        }
        return executable
    }
}
