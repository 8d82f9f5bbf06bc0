/// The K-th of N shards of a run's inputs (`--shard K/N`): inputs K−1, K−1+N, …; written `K/N` in reports.
public struct Shard: Sendable, Equatable, Codable {
    public let k: Int
    public let n: Int

    /// From `K/N` with 1 ≤ K ≤ N; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.k = k
        self.n = n
    }

    /// The inputs of this shard, in order.
    public func select<T>(_ items: [T]) -> [T] {
        items.enumerated().filter { $0.offset % n == k - 1 }.map(\.element)
    }

    public var label: String { "\(k)/\(n)" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let shard = Shard(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "shard '\(text)' is not K/N")
        }
        self = shard
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }
}
