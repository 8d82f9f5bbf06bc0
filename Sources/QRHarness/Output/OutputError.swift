import Foundation

/// A report or document that could not be written; the CLI exits 2 with this message.
public enum OutputError: Error, CustomStringConvertible, Equatable {
    case write(target: String, errno: Int32)
    case create(path: String, errno: Int32)
    case isDirectory(String)
    case createFolder(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .write(let target, let errno): "\(target): cannot write: \(Self.reason(errno))"
        case .create(let path, let errno): "\(path): cannot create the report file: \(Self.reason(errno))"
        case .isDirectory(let path):
            "\(path): is a folder; give a file name for the report (the folder is left as it is)"
        case .createFolder(let path, let errno): "\(path): cannot create the report folder: \(Self.reason(errno))"
        }
    }

    public static func reason(_ errno: Int32) -> String { String(cString: strerror(errno)) }
}
