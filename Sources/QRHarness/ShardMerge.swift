import QRConformance
import QRErrors
import QRSymbol

/// Combines the reports of `--shard K/N` runs: shard K holds inputs K−1, K−1+N, …, so rows interleave back.
public enum ShardMerge {
    public static func merge(_ reports: [CheckReport]) throws(ShardMergeError) -> CheckReport {
        var byShard: [Int: CheckReport] = [:]
        var total: Int?
        for report in reports {
            guard let shard = report.shard else { throw .notASharded }
            if let total, total != shard.n { throw .mixedShardCounts }
            total = shard.n
            guard byShard[shard.k] == nil else { throw .duplicate(shard.label) }
            byShard[shard.k] = report
        }
        guard let n = total, let first = byShard[1] else { throw .missing(1) }
        for k in 1...n where byShard[k] == nil { throw .missing(k) }
        let ordered = (1...n).compactMap { byShard[$0] }
        for report in ordered
        where report.spec != first.spec || report.validationTime != first.validationTime || report.tool != first.tool
            || report.errors != first.errors || report.trustListSHA256 != first.trustListSHA256
        {
            throw .inconsistent
        }
        let count = ordered.map(\.images.count).reduce(0, +)
        var images: [ImageReport] = []
        images.reserveCapacity(count)
        for i in 0..<count {
            let shardImages = ordered[i % n].images
            guard i / n < shardImages.count else { throw .inconsistent }
            images.append(shardImages[i / n])
        }
        return CheckReport(
            tool: first.tool, spec: first.spec, validationTime: first.validationTime, images: images,
            errors: first.errors, trustListSHA256: first.trustListSHA256)
    }
}

/// Shard reports that cannot be merged, with what is wrong.
public enum ShardMergeError: Error, Equatable, CustomStringConvertible {
    case notASharded
    case mixedShardCounts
    case duplicate(String)
    case missing(Int)
    case inconsistent

    public var description: String {
        switch self {
        case .notASharded: "a report given to merge was not made with --shard"
        case .mixedShardCounts: "the reports come from different shard counts"
        case .duplicate(let label): "shard \(label) is given twice"
        case .missing(let k): "shard \(k) is missing"
        case .inconsistent: "the shard reports differ in spec, validation time, tool, trust list or row counts"
        }
    }
}

extension ShardMerge {
    /// Reads every shard report (strictly, once) and merges them; a file that cannot be read or is not a check report
    /// is a `QRError` naming it.
    public static func merge(reading paths: [String]) throws -> CheckReport {
        let shards = try paths.map { path throws(QRError) -> CheckReport in
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path: path)
            } catch {
                throw QRError(.shardReport, code: .unreadable, file: path, cause: "cannot read the file: \(error)")
            }
            do throws(JSONDecodeError) {
                return try StrictJSONDecoder().decode(CheckReport.self, from: bytes, file: path)
            } catch {
                throw QRError(
                    .shardReport, code: error.isSyntax ? .invalidJSON : .invalid, file: path,
                    cause: (error.isSyntax ? "not valid JSON: " : "not a qrconform check report: ") + error.cause)
            }
        }
        return try merge(shards)
    }
}

extension QRError.Domain {
    /// A shard report given to `merge`.
    public static let shardReport = Self("shard-report")
}
