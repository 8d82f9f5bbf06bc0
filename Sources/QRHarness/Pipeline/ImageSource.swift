import Foundation

/// Where an image's bytes come from: a file, read with the run's limits, or bytes already in memory (a screenshot
/// read from a submission), named as reports name it.
public enum ImageSource: Sendable, Equatable {
    case file(path: String)
    case bytes(name: String, [UInt8])

    /// The name reports give the image: the path, or the name in its submission.
    public var name: String {
        switch self {
        case .file(let path): path
        case .bytes(let name, _): name
        }
    }
}

extension ImageJob {
    /// The job's image: its bytes when it carries them, else its file.
    public var source: ImageSource {
        data.map { .bytes(name: path, [UInt8]($0)) } ?? .file(path: path)
    }
}
