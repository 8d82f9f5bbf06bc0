import QRSymbol
import Foundation
import QRConformance

/// `spec lint`: every spec file read and linted, in order.
public enum SpecLintRun {
    /// One file's result: the problems found, or why it could not be read.
    public struct Result: Sendable {
        public let path: String
        public let problems: [String]
        public let unreadable: String?

        public var passed: Bool { problems.isEmpty && unreadable == nil }

        /// The lines to print: `path: ok`, or one per problem; nil when the file could not be read.
        public var lines: [String] {
            problems.isEmpty ? ["\(path): ok"] : problems.map { "\(path): \($0)" }
        }
    }

    public static func run(_ paths: [String]) -> [Result] {
        paths.map { path in
            do {
                let data = Data(try InputFile.read(path: path))
                return Result(path: path, problems: SpecLinter.lint(data: data).map { "\($0)" }, unreadable: nil)
            } catch {
                return Result(path: path, problems: [], unreadable: "\(path): cannot read the file: \(error)")
            }
        }
    }
}
